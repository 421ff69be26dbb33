package com.quanyu.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Tests' own count of units sold, written plainly from the definition in docs/lake.md
 * ({@code daily_demand}) and independent of the SQL: per business day, each completed order once (by
 * {@code order_id}, else its message id; the earliest copy), the products of one SKU, at a store's
 * {@code store_id} or {@code online}, a missing quantity counting 1.
 */
public final class DemandReference {
    private DemandReference() {}

    /** Units of {@code sku} sold at {@code location} per day in {@code zone}, from raw events or lake lines. */
    public static Map<LocalDate, Double> unitsSold(
            Iterable<JsonNode> events, String sku, String location, ZoneId zone) {
        Map<String, JsonNode> orders = new HashMap<>();
        for (JsonNode event : events) {
            boolean order = "track".equals(event.path("type").asText())
                    && "order completed".equalsIgnoreCase(event.path("event").asText());
            if (order) {
                String key = event.path("properties")
                        .path("order_id")
                        .asText(event.path("messageId").asText());
                orders.merge(key, event, (kept, other) -> at(other).isBefore(at(kept)) ? other : kept);
            }
        }
        Map<LocalDate, Double> units = new HashMap<>();
        for (JsonNode order : orders.values()) {
            String store = order.path("properties").path("store_id").asText("").strip();
            if (!(store.isEmpty() ? "online" : store).equals(location)) {
                continue;
            }
            LocalDate day = at(order).atZone(zone).toLocalDate();
            for (JsonNode product : order.path("properties").path("products")) {
                double quantity = product.path("quantity").asDouble(1);
                if (sku.equals(product.path("sku").asText()) && quantity > 0) {
                    units.merge(day, quantity, Double::sum);
                }
            }
        }
        return units;
    }

    private static Instant at(JsonNode event) {
        return Instant.parse(event.path("timestamp").asText());
    }
}
