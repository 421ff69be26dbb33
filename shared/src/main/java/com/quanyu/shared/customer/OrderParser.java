package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the order of an {@code Order Completed} event (Segment e-commerce spec v2). */
final class OrderParser {
    /** Largest price or order total accepted: far above any real order, far below what storage and points math hold. */
    static final double MAX_AMOUNT = 1e12;

    private static final String MAX_AMOUNT_TEXT = "1000000000000";

    private OrderParser() {}

    static OrderFacts parse(EventParser.Fields p, ObjectNode context, String defaultCurrency) {
        String orderId = p.id("order_id");
        if (orderId == null) {
            throw p.invalid("order_id", "is required for Order Completed");
        }
        List<OrderLine> lines = new ArrayList<>();
        JsonNode products = p.node.get("products");
        if (products != null && !products.isNull()) {
            if (!products.isArray()) {
                throw p.invalid("products", "must be an array");
            }
            for (int i = 0; i < products.size(); i++) {
                if (!products.get(i).isObject()) {
                    throw p.invalid("products[" + i + "]", "must be an object");
                }
                EventParser.Fields item = new EventParser.Fields(products.get(i), p.path("products[" + i + "]"));
                String sku = item.id("sku");
                if (sku == null) {
                    sku = item.id("product_id");
                }
                double quantity = item.number("quantity", 1);
                double price = item.number("price", 0);
                if (quantity < 0 || quantity != Math.rint(quantity) || quantity > 1_000_000) {
                    throw item.invalid("quantity", "must be a whole number of units");
                }
                if (!(price >= 0 && price <= MAX_AMOUNT)) {
                    throw item.invalid("price", "must be a number from 0 to " + MAX_AMOUNT_TEXT);
                }
                lines.add(OrderLine.of(sku, EventParser.text(products.get(i).get("name")), (int) quantity, price));
            }
        }
        double total = p.number(
                "total",
                p.number(
                        "revenue",
                        lines.stream()
                                .mapToDouble(l -> l.price() * l.quantity())
                                .sum()));
        if (!(total >= 0 && total <= MAX_AMOUNT)) {
            throw p.invalid(
                    p.node.has("total") || !p.node.has("revenue") ? "total" : "revenue",
                    "must be a number from 0 to " + MAX_AMOUNT_TEXT);
        }
        String currency = p.optionalText("currency", 3);
        currency = currency.isEmpty() ? defaultCurrency : currency.toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw p.invalid("currency", "must be an ISO 4217 code such as CNY");
        }
        double failureCount = p.number("payment_failures", 0);
        if (!(failureCount >= 0 && failureCount <= 1_000_000)) {
            throw p.invalid("payment_failures", "must be a number from 0 to 1000000");
        }
        int failures = (int) failureCount;
        String ipCountry = EventParser.text(context.path("location").get("country"));
        return new OrderFacts(
                orderId,
                total,
                currency,
                p.optionalText("store_id", 64),
                lines,
                Math.max(0, failures),
                country(ipCountry),
                country(EventParser.text(p.node.get("billing_country"))),
                country(EventParser.text(p.node.get("shipping_country"))));
    }

    private static String country(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
