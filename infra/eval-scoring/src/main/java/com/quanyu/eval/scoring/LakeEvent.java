package com.quanyu.eval.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of one lake record the benchmarks' in-memory history uses. Strings that repeat across millions of
 * events (types, names, channels, SKUs) are interned to keep a large history in memory.
 *
 * @param skus          the product of a product event, or every product of an order
 * @param units         product quantity of an order (at least one per product line)
 * @param orderTotal    order value for {@code Order Completed}, else 0
 * @param ipCountry     {@code context.location.country}, or null
 */
public record LakeEvent(
        String profileId,
        String type,
        String event,
        String channel,
        Instant at,
        String sessionId,
        List<String> skus,
        int units,
        String orderId,
        double orderTotal,
        String currency,
        String ipCountry,
        String billingCountry,
        String shippingCountry,
        int paymentFailures) {
    public static final String ORDER_COMPLETED = "Order Completed";

    public boolean isOrder() {
        return "track".equals(type) && ORDER_COMPLETED.equalsIgnoreCase(event);
    }

    public boolean isCartAdd() {
        return "track".equals(type) && "Product Added".equalsIgnoreCase(event);
    }

    public boolean isView() {
        return "page".equals(type) || "screen".equals(type) || "Product Viewed".equalsIgnoreCase(event);
    }

    /** Parses a lake line; empty when it lacks a profile id, a type or a valid timestamp. */
    public static Optional<LakeEvent> parse(JsonNode line) {
        String profileId = text(line, "profileId");
        String type = text(line, "type");
        String timestamp = text(line, "timestamp");
        if (profileId == null || type == null || timestamp == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        JsonNode properties = line.path("properties");
        JsonNode context = line.path("context");
        String event = intern(text(line, "event"));
        List<String> skus = new ArrayList<>(1);
        String sku = text(properties, "sku");
        if (sku == null) {
            sku = text(properties, "product_id");
        }
        if (sku != null) {
            skus.add(sku.intern());
        }
        int units = 0;
        for (JsonNode product : properties.path("products")) {
            units += Math.max(1, product.path("quantity").asInt(1));
            String s = text(product, "sku");
            if (s == null) {
                s = text(product, "product_id");
            }
            if (s != null) {
                skus.add(s.intern());
            }
        }
        boolean order = "track".equals(type) && ORDER_COMPLETED.equalsIgnoreCase(event);
        double total = order
                ? properties.path("total").asDouble(properties.path("revenue").asDouble(0))
                : 0;
        return Optional.of(new LakeEvent(
                profileId,
                intern(type.toLowerCase(Locale.ROOT)),
                event,
                intern(text(line, "channel")),
                at,
                text(context, "sessionId"),
                List.copyOf(skus),
                Math.max(units, skus.size()),
                order ? text(properties, "order_id") : null,
                total,
                order ? intern(text(properties, "currency")) : null,
                order ? intern(text(context.path("location"), "country")) : null,
                order ? intern(text(properties, "billing_country")) : null,
                order ? intern(text(properties, "shipping_country")) : null,
                order ? properties.path("payment_failures").asInt(0) : 0));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }
}
