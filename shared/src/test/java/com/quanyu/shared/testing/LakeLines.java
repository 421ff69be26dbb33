package com.quanyu.shared.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Lake lines in the accepted-event format, for fixtures of the lake's readers, SQL and compaction. */
public final class LakeLines {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private LakeLines() {}

    /** A page, screen or track line with a fresh message id. */
    public static ObjectNode event(
            String profileId, String type, String event, String channel, String timestamp, String sessionId) {
        ObjectNode line = Json.object();
        line.put("type", type);
        if (event != null) {
            line.put("event", event);
        }
        line.put("messageId", "m-" + SEQUENCE.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()));
        line.put("timestamp", Instant.parse(timestamp).toString());
        line.put("receivedAt", Instant.parse(timestamp).toString());
        line.put("sourceId", "test");
        line.put("channel", channel);
        line.put("profileId", profileId);
        line.put("userId", "user-" + profileId);
        line.putObject("context").put("sessionId", sessionId);
        line.putObject("properties");
        return line;
    }

    /** An {@code Order Completed} line; {@code skuQuantities} alternates SKU and quantity (a null quantity is left out). */
    public static ObjectNode order(
            String profileId,
            String channel,
            String timestamp,
            String orderId,
            double total,
            String storeId,
            Object... skuQuantities) {
        ObjectNode line = event(profileId, "track", "Order Completed", channel, timestamp, null);
        ((ObjectNode) line.get("context")).remove("sessionId");
        ObjectNode properties = (ObjectNode) line.get("properties");
        properties.put("order_id", orderId);
        properties.put("total", total);
        properties.put("currency", "CNY");
        if (storeId != null) {
            properties.put("store_id", storeId);
        }
        ArrayNode products = properties.putArray("products");
        for (int i = 0; i < skuQuantities.length; i += 2) {
            ObjectNode product = products.addObject().put("sku", (String) skuQuantities[i]);
            if (skuQuantities[i + 1] != null) {
                product.put("quantity", ((Number) skuQuantities[i + 1]).doubleValue());
            }
        }
        return line;
    }
}
