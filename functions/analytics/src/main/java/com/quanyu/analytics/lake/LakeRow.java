package com.quanyu.analytics.lake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The fields of one lake event the staff figures use. Days are UTC days, like the lake's
 * {@code dt=} partitions.
 *
 * @param revenue the order total of an {@code Order Completed} event, else 0
 */
public record LakeRow(String profileId, String channel, LocalDate day, Step step, double revenue) {
    /** Where an event sits in the purchase funnel. */
    public enum Step {
        VIEW, CART, CHECKOUT, ORDER, OTHER
    }

    /** Parses a lake line; empty when it lacks a profile id, a channel or a valid timestamp. */
    public static Optional<LakeRow> parse(JsonNode line) {
        String profileId = line.path("profileId").asText(null);
        String channel = line.path("channel").asText(null);
        String timestamp = line.path("timestamp").asText(null);
        if (profileId == null || channel == null || timestamp == null) {
            return Optional.empty();
        }
        LocalDate day;
        try {
            day = Instant.parse(timestamp).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Step step = step(line.path("type").asText(""), line.path("event").asText(""));
        double revenue = step == Step.ORDER ? line.path("properties").path("total").asDouble(0) : 0;
        return Optional.of(new LakeRow(profileId.intern(), channel.intern(), day, step, revenue));
    }

    static Step step(String type, String event) {
        if ("page".equals(type) || "screen".equals(type) || "Product Viewed".equalsIgnoreCase(event)) {
            return Step.VIEW;
        }
        if (!"track".equals(type)) {
            return Step.OTHER;
        }
        return switch (event.toLowerCase(java.util.Locale.ROOT)) {
            case "product added" -> Step.CART;
            case "checkout started" -> Step.CHECKOUT;
            case "order completed" -> Step.ORDER;
            default -> Step.OTHER;
        };
    }
}
