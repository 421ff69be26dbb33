package com.quanyu.train.batch;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shard worker: reads its scan segment of the profiles table page by page, scores every live
 * profile with the run's models and writes each page's scores. Retry-safe: the sink writes a
 * profile's scores only if they are not already this run's, so a redelivered shard, or a shard
 * retried after failing half-way, writes each profile at most once per run and counts the rest as
 * already scored.
 */
public final class ShardScoring {
    private static final JsonLogger LOG = JsonLogger.of(ShardScoring.class);

    /** A parallel-scan segment of the profiles table. */
    public interface ProfileSegments {
        /** Hands every live (not merged-away) profile of the segment to {@code consumer}. */
        void forEach(int segment, int totalSegments, Consumer<Profile> consumer);
    }

    /** Profiles written per batch of the sink (a scan page holds about 1,500 profile items). */
    static final int PAGE = 500;

    /** Where scores go: the owner of the profile item's {@code scores} attribute. */
    public interface ScoreSink {
        /** Writes each profile's scores unless they already carry {@code run}; only onto existing profiles. */
        WriteCounts write(String run, Map<String, ProfileScores> scoresByProfile);
    }

    /**
     * @param written       profiles whose scores were written now
     * @param alreadyScored profiles that already had this run's scores (a repeat)
     * @param missing       profiles deleted since the scan read them (nothing written)
     */
    public record WriteCounts(int written, int alreadyScored, int missing) {}

    /** What one shard did. */
    public record ShardReport(
            String run,
            int segment,
            int totalSegments,
            long profiles,
            long written,
            long alreadyScored,
            long missing,
            double seconds) {
        /** Profiles scored per second of the shard's wall time. */
        public double profilesPerSecond() {
            return seconds <= 0 ? 0 : Math.round(profiles / seconds * 10) / 10.0;
        }
    }

    private final ProfileSegments profiles;
    private final ScoreSink sink;
    private final ScoringModels models;
    private final Clock clock;

    public ShardScoring(ProfileSegments profiles, ScoreSink sink, ScoringModels models, Clock clock) {
        this.profiles = profiles;
        this.sink = sink;
        this.models = models;
        this.clock = clock;
    }

    /** Scores one shard; a storage fault propagates (the shard is retried). */
    public ShardReport score(ScoringShard shard) {
        long start = System.nanoTime();
        ProfileScorer scorer = models.scorer(shard.models());
        long[] counts = new long[4];
        List<Profile> page = new ArrayList<>(PAGE);
        Runnable flush = () -> {
            Map<String, ProfileScores> scores = new LinkedHashMap<>();
            for (Profile profile : page) {
                scores.put(profile.profileId(), scorer.score(profile, shard.asOf(), shard.run(), clock.instant()));
            }
            WriteCounts written = scores.isEmpty() ? new WriteCounts(0, 0, 0) : sink.write(shard.run(), scores);
            counts[0] += page.size();
            counts[1] += written.written();
            counts[2] += written.alreadyScored();
            counts[3] += written.missing();
            page.clear();
        };
        profiles.forEach(shard.segment(), shard.totalSegments(), profile -> {
            page.add(profile);
            if (page.size() == PAGE) {
                flush.run();
            }
        });
        flush.run();
        ShardReport report = new ShardReport(
                shard.run(),
                shard.segment(),
                shard.totalSegments(),
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                (System.nanoTime() - start) / 1e9);
        LOG.info("shard scored", "report", report, "profilesPerSecond", report.profilesPerSecond());
        return report;
    }
}
