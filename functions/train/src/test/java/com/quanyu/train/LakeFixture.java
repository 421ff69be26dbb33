package com.quanyu.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small, deterministic lake: 5 weeks of events for {@code people} profiles. A third are regular
 * buyers (weekly visits, cart adds of the tea set, an order); the rest browse snacks rarely. The
 * pattern is learnable, so a real trainer beats chance clearly and a label-shuffling one does not.
 */
final class LakeFixture {
    static final Instant END = Instant.parse("2026-11-28T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(35));

    private LakeFixture() {}

    static List<ObjectNode> lines(int people, long seed) {
        Random random = new Random(seed);
        // the order details draw from their own generator: the visits, carts and orders stay as they were
        Random details = new Random(seed + 1);
        List<ObjectNode> lines = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String profile = "p" + p;
            boolean buyer = p % 3 == 0;
            for (int day = 0; day < 35; day++) {
                Instant at = START.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(600)));
                double visit = buyer ? 0.35 : 0.05;
                if (random.nextDouble() >= visit) {
                    continue;
                }
                String session = profile + "-s" + day;
                String sku =
                        buyer ? (random.nextBoolean() ? "tea" : "cups") : (random.nextBoolean() ? "chips" : "salsa");
                lines.add(event(profile, "page", null, null, at, session, buyer ? "app" : "web"));
                lines.add(event(
                        profile, "track", "Product Viewed", sku, at.plusSeconds(10), session, buyer ? "app" : "web"));
                if (buyer && random.nextDouble() < 0.6) {
                    lines.add(event(profile, "track", "Product Added", sku, at.plusSeconds(20), session, "app"));
                    if (random.nextDouble() < 0.7) {
                        ObjectNode order =
                                event(profile, "track", "Order Completed", null, at.plusSeconds(60), session, "app");
                        var properties = order.with("properties");
                        properties
                                .put("order_id", "o-" + profile + "-" + day)
                                .put("total", 120.0)
                                .put("currency", "CNY");
                        properties
                                .putArray("products")
                                .addObject()
                                .put("sku", sku)
                                .put("quantity", 1 + details.nextInt(3))
                                .put("price", 60);
                        var honey = properties.withArray("products").addObject().put("sku", "honey");
                        if (details.nextBoolean()) {
                            honey.put("quantity", 1); // else missing: counts one
                        }
                        honey.put("price", 60);
                        // what order risk reads: payment failures, countries of the IP, billing and shipping
                        properties
                                .put("payment_failures", details.nextInt(3))
                                .put("billing_country", "CN")
                                .put("shipping_country", details.nextInt(5) == 0 ? "US" : "CN");
                        order.with("context").putObject("location").put("country", details.nextBoolean() ? "CN" : "HK");
                        lines.add(order);
                    }
                }
            }
        }
        return lines;
    }

    static ObjectNode event(
            String profile, String type, String name, String sku, Instant at, String session, String channel) {
        ObjectNode e = Json.object();
        e.put("type", type)
                .put("profileId", profile)
                .put("timestamp", at.toString())
                .put("channel", channel);
        if (name != null) {
            e.put("event", name);
        }
        e.putObject("context").put("sessionId", session);
        ObjectNode properties = e.putObject("properties");
        if (sku != null) {
            properties.put("sku", sku);
        }
        return e;
    }
}
