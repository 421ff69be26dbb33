package com.quanyu.campaigns;

import com.fasterxml.jackson.databind.node.TextNode;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared test data: unique ids (tests share one table) and profile items as ingestion writes them. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {}

    public static String id(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + SEQUENCE.incrementAndGet();
    }

    public static CampaignsContext context(StandIns aws, java.time.Clock clock) {
        return CampaignsContext.of(aws.envFor("CampaignsFunction"), aws.dynamo(), aws.s3(), clock);
    }

    /** A campaign body starting yesterday and ending in 30 days. */
    public static String campaignJson(String id, String offer, String channels, String budget) {
        return """
                {"id": "%s", "name": "Test %s", "currency": "CNY", "offer": %s, "channels": %s,
                 %s "startsAt": "2026-11-28T08:00:00Z", "endsAt": "2026-12-29T08:00:00Z"}""".formatted(id, id, offer, channels, budget == null ? "" : "\"budget\": \"" + budget + "\",");
    }

    /** Stores a profile through the customer stores' repository, as ingestion and training do (traits, channels, scores). */
    public static void profile(
            StandIns aws,
            String profileId,
            String segment,
            double propensity,
            String channel,
            Instant lastSeen,
            String email,
            String phone) {
        Map<String, Profile.TraitValue> traits = new java.util.HashMap<>();
        if (email != null) {
            traits.put("email", new Profile.TraitValue(TextNode.valueOf(email), NOW));
        }
        if (phone != null) {
            traits.put("phone", new Profile.TraitValue(TextNode.valueOf(phone), NOW));
        }
        Profile empty = Profile.empty(profileId);
        Profile profile = new Profile(
                profileId,
                1,
                lastSeen.minusSeconds(86_400 * 90),
                lastSeen,
                traits,
                empty.identifiers(),
                Map.of(channel, new Profile.ChannelActivity(lastSeen.minusSeconds(86_400 * 90), lastSeen)),
                new Profile.Counters(3, 3, 0, 0, 3, 0),
                empty.rfm(),
                empty.lastEvents(),
                empty.consent(),
                empty.recentSessions(),
                empty.appliedEvents(),
                empty.absorbed(),
                null);
        var repository = new DynamoProfileRepository(
                aws.dynamo(), aws.envFor("CampaignsFunction").required("PROFILES_TABLE"));
        if (!repository.save(profile, 0)) {
            throw new IllegalStateException("profile " + profileId + " exists already");
        }
        repository.writeScores(profileId, new ProfileScores(segment, null, 0, propensity, Map.of(), NOW));
    }
}
