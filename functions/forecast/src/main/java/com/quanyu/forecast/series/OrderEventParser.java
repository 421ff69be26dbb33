package com.quanyu.forecast.series;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code Order Completed} track events (Segment spec, one JSON object per lake line) into
 * order lines: location {@code properties.store_id}, else online; business day from
 * {@code timestamp} in the brand's time zone; one line per product with a well-formed SKU and a
 * positive quantity. Other events yield nothing; malformed lines are counted by the caller, never thrown.
 */
public final class OrderEventParser {
    /** The event name that counts as demand. */
    public static final String ORDER_COMPLETED = "Order Completed";

    private final ZoneId zone;

    public OrderEventParser(ZoneId zone) {
        this.zone = zone;
    }

    /** A parsed order: its de-duplication id and lines. */
    public record Order(String id, List<UnitsSold> lines) {}

    /**
     * @return the order, empty for other events
     * @throws IllegalArgumentException when the line is not JSON or a completed order lacks a timestamp
     */
    public Optional<Order> parse(String line) {
        try {
            return parse(Json.parse(line));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /**
     * @return the order, empty for other events
     * @throws IllegalArgumentException when a completed order lacks a valid timestamp
     */
    public Optional<Order> parse(JsonNode event) {
        if (!"track".equals(event.path("type").asText())
                || !ORDER_COMPLETED.equals(event.path("event").asText())) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = Instant.parse(event.path("timestamp").asText()).atZone(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("order without a valid timestamp", e);
        }
        JsonNode properties = event.path("properties");
        String store = properties.path("store_id").asText("");
        String location = store.isBlank() ? SeriesKey.ONLINE : store;
        List<UnitsSold> lines = new ArrayList<>();
        for (JsonNode product : properties.path("products")) {
            String sku = product.path("sku").asText(product.path("product_id").asText(""));
            double quantity = product.path("quantity").asDouble(1);
            if (!SeriesKey.validId(sku) || !SeriesKey.validId(location) || !(quantity > 0)) {
                continue;
            }
            double price = product.hasNonNull("price") ? product.path("price").asDouble() : Double.NaN;
            lines.add(new UnitsSold(day, SeriesKey.of(sku, location), quantity, price));
        }
        String id = properties.path("order_id").asText(event.path("messageId").asText(""));
        return Optional.of(new Order(id.isBlank() ? event.toString() : id, lines));
    }
}
