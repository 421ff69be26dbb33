package com.quanyu.campaigns;

import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    /** Writes a profile item the way ingestion and training do (traits with timestamps, channels, scores). */
    public static void profile(
            StandIns aws,
            String profileId,
            String segment,
            double propensity,
            String channel,
            Instant lastSeen,
            String email,
            String phone) {
        Map<String, AttributeValue> traits = new java.util.HashMap<>();
        if (email != null) {
            traits.put("email", trait(email));
        }
        if (phone != null) {
            traits.put("phone", trait(phone));
        }
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("profile#" + profileId),
                "sk", AttributeValue.fromS("profile"),
                "traits", AttributeValue.fromM(traits),
                "channels",
                        AttributeValue.fromM(Map.of(
                                channel,
                                AttributeValue.fromM(Map.of(
                                        "firstSeen",
                                                AttributeValue.fromS(lastSeen.minusSeconds(86_400 * 90)
                                                        .toString()),
                                        "lastSeen", AttributeValue.fromS(lastSeen.toString()))))),
                "scores",
                        AttributeValue.fromM(Map.of(
                                "segment", AttributeValue.fromS(segment),
                                "propensity7d", AttributeValue.fromN(Double.toString(propensity)))),
                "counters", AttributeValue.fromM(Map.of("orders", AttributeValue.fromN("3"))));
        aws.dynamo()
                .putItem(b -> b.tableName(aws.envFor("CampaignsFunction").required("PROFILES_TABLE"))
                        .item(item));
    }

    private static AttributeValue trait(String value) {
        return AttributeValue.fromM(
                Map.of("value", AttributeValue.fromS(value), "updatedAt", AttributeValue.fromS(NOW.toString())));
    }
}
