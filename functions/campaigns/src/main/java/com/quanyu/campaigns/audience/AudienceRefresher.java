package com.quanyu.campaigns.audience;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts audiences and writes their customer lists in one pass over the profiles: each profile is
 * read once and tested against every audience. Members without an email or phone count but cannot
 * be exported (ad platforms match on contacts only).
 */
public final class AudienceRefresher {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Where exports go (S3 in production). */
    @FunctionalInterface
    public interface ExportSink {
        void put(String key, byte[] content, String contentType);
    }

    /**
     * What one refresh found.
     *
     * @param audience  the refreshed audience, with count and export key
     * @param members   profiles matching the rule
     * @param exported  rows written (members with a usable contact)
     * @param memberIds the members' profile ids (recorded as the audience's memberships)
     */
    public record Result(Audience audience, long members, long exported, Set<String> memberIds) {
        public Result {
            memberIds = Set.copyOf(memberIds);
        }
    }

    private final ProfileSource profiles;
    private final ExportSink exports;
    private final Clock clock;

    public AudienceRefresher(ProfileSource profiles, ExportSink exports, Clock clock) {
        this.profiles = profiles;
        this.exports = exports;
        this.clock = clock;
    }

    /** Counts without exporting. */
    public Map<String, Long> count(List<Audience> audiences) {
        Instant now = clock.instant();
        List<AudienceRule> rules = audiences.stream().map(Audience::parsedRule).toList();
        long[] counts = new long[audiences.size()];
        profiles.forEach(profile -> {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).matches(profile, now)) {
                    counts[i]++;
                }
            }
        });
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < audiences.size(); i++) {
            result.put(audiences.get(i).id(), counts[i]);
        }
        return result;
    }

    /** Counts and exports every audience; returns the updated audiences. */
    public List<Result> refresh(List<Audience> audiences) {
        Instant now = clock.instant();
        List<AudienceRule> rules = audiences.stream().map(Audience::parsedRule).toList();
        List<StringBuilder> files = new ArrayList<>();
        long[] members = new long[audiences.size()];
        long[] rows = new long[audiences.size()];
        List<Set<String>> ids = new ArrayList<>();
        for (Audience audience : audiences) {
            files.add(new StringBuilder(audience.exportFormat().header()).append('\n'));
            ids.add(new HashSet<>());
        }
        profiles.forEach(profile -> {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).matches(profile, now)) {
                    members[i]++;
                    ids.get(i).add(profile.profileId());
                    var row = audiences.get(i).exportFormat().row(profile.trait("email"), profile.trait("phone"));
                    if (row.isPresent()) {
                        files.get(i).append(row.get()).append('\n');
                        rows[i]++;
                    }
                }
            }
        });
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < audiences.size(); i++) {
            Audience audience = audiences.get(i);
            String key = "exports/audiences/" + audience.id() + "/" + STAMP.format(now) + "-"
                    + audience.exportFormat().name().toLowerCase(java.util.Locale.ROOT) + ".csv";
            exports.put(key, files.get(i).toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8");
            results.add(new Result(audience.refreshed(members[i], key, now), members[i], rows[i], ids.get(i)));
        }
        return results;
    }
}
