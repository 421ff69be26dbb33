package com.quanyu.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Training rebuilds what serving reads from the profile: the two must give the same features. */
class EventHistoryTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    private static LakeEvent parse(String json) {
        try {
            return LakeEvent.parse(Json.parse(json)).orElseThrow();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parsesOrdersWithProductsAndRiskFields() {
        LakeEvent order =
                parse("{\"type\":\"track\",\"event\":\"Order Completed\",\"profileId\":\"p1\",\"channel\":\"web\","
                        + "\"timestamp\":\"2026-11-20T10:00:00Z\",\"context\":{\"sessionId\":\"s1\",\"location\":{\"country\":\"JP\"}},"
                        + "\"properties\":{\"order_id\":\"o1\",\"total\":99.5,\"currency\":\"CNY\",\"billing_country\":\"CN\","
                        + "\"payment_failures\":2,\"products\":[{\"sku\":\"a\",\"quantity\":2},{\"sku\":\"b\"}]}}");
        assertTrue(order.isOrder());
        assertEquals(List.of("a", "b"), order.skus());
        assertEquals(3, order.units());
        assertEquals(99.5, order.orderTotal());
        assertEquals("JP", order.ipCountry());
        assertEquals(2, order.paymentFailures());
        assertTrue(LakeEvent.parse(Json.object().put("type", "track")).isEmpty(), "no profile id, no timestamp");
    }

    @Test
    void snapshotFromEventsMatchesTheProfileTheSameEventsProduce() {
        List<LakeEvent> events = new ArrayList<>();
        events.add(new LakeEvent("p", "page", null, "web", T, "s1", List.of(), 0, null, 0, null, null, null, null, 0));
        events.add(new LakeEvent(
                "p",
                "track",
                "Product Added",
                "web",
                T.plusSeconds(5),
                "s1",
                List.of("a"),
                1,
                null,
                0,
                null,
                null,
                null,
                null,
                0));
        events.add(new LakeEvent(
                "p",
                "track",
                "Order Completed",
                "app",
                T.plusSeconds(60),
                "s2",
                List.of("a"),
                1,
                "o",
                50,
                "CNY",
                null,
                null,
                null,
                0));
        events.add(new LakeEvent(
                "p",
                "page",
                null,
                "app",
                T.plus(Duration.ofDays(3)),
                "s3",
                List.of(),
                0,
                null,
                0,
                null,
                null,
                null,
                null,
                0));
        Instant asOf = T.plus(Duration.ofDays(5));
        ActivitySnapshot fromEvents = EventHistory.snapshot(events, asOf);

        Profile profile = new Profile(
                "p",
                4,
                T,
                T.plus(Duration.ofDays(3)),
                Map.of(),
                Map.of(),
                Map.of(
                        "web",
                        new Profile.ChannelActivity(T, T.plusSeconds(5)),
                        "app",
                        new Profile.ChannelActivity(T.plusSeconds(60), T.plus(Duration.ofDays(3)))),
                new Profile.Counters(4, 3, 2, 1, 1, 50),
                new Profile.Rfm(T.plusSeconds(60), T.plusSeconds(60), 1, 50),
                List.of(
                        new Profile.EventSummary("page", null, null, "app", T.plus(Duration.ofDays(3))),
                        new Profile.EventSummary("track", "Order Completed", "a", "app", T.plusSeconds(60)),
                        new Profile.EventSummary("track", "Product Added", "a", "web", T.plusSeconds(5)),
                        new Profile.EventSummary("page", null, null, "web", T)),
                Map.of(),
                List.of(),
                Map.of(),
                Set.of(),
                null);
        ActivitySnapshot fromProfile = ActivitySnapshot.fromProfile(profile, asOf);
        assertArrayEquals(PropensityFeatures.values(fromProfile), PropensityFeatures.values(fromEvents), 1e-12);

        double[] v = PropensityFeatures.values(fromEvents);
        assertEquals(Math.log1p(2), v[PropensityFeatures.NAMES.indexOf("log_days_since_seen")], 1e-9);
        assertEquals(1, v[PropensityFeatures.NAMES.indexOf("has_ordered")]);
        assertEquals(0, v[PropensityFeatures.NAMES.indexOf("open_cart")], "the cart add was followed by an order");
        assertEquals(2, v[PropensityFeatures.NAMES.indexOf("channels_30d")]);
        assertEquals(1, v[PropensityFeatures.NAMES.indexOf("channel_app_30d")]);
        assertEquals(Math.log1p(3), v[PropensityFeatures.NAMES.indexOf("log_sessions")], 1e-9);
    }

    @Test
    void snapshotIgnoresEventsAtOrAfterTheCutoff() {
        List<LakeEvent> events = List.of(new LakeEvent(
                "p", "track", "Order Completed", "app", T, "s", List.of("a"), 1, "o", 50, "CNY", null, null, null, 0));
        assertTrue(EventHistory.snapshot(events, T).isEmpty());
        assertEquals(1, EventHistory.snapshot(events, T.plusSeconds(1)).orders());
        assertTrue(EventHistory.orderedBetween(events, T, T.plusSeconds(1)));
    }
}
