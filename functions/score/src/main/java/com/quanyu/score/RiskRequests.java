package com.quanyu.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.risk.OrderRiskInput;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the body of {@code POST /v1/orders/risk} into an {@link OrderRiskInput}, naming any bad field. */
final class RiskRequests {
    private RiskRequests() {}

    static OrderRiskInput parse(JsonNode body, Clock clock) {
        String orderId = requiredText(body, "orderId");
        double total = number(body, "total", true);
        if (total < 0) {
            throw ApiException.invalidField("total", "must not be negative");
        }
        String currency = requiredText(body, "currency").toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw ApiException.invalidField("currency", "must be an ISO 4217 code such as CNY");
        }
        Instant orderTime = instant(body, "orderTime");
        return new OrderRiskInput(
                orderId,
                text(body, "profileId"),
                text(body, "channel"),
                total,
                currency,
                count(body, "itemCount", 1),
                orderTime == null ? clock.instant() : orderTime,
                instant(body, "accountCreatedAt"),
                count(body, "ordersLast24h", 0),
                count(body, "paymentFailures", 0),
                country(body, "ipCountry"),
                country(body, "billingCountry"),
                country(body, "shippingCountry"),
                count(body, "customerOrders", 0));
    }

    private static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw ApiException.invalidField(field, "is required");
        }
        return value;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return node.asText().isBlank() ? null : node.asText().trim();
    }

    private static double number(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return 0;
        }
        if (!node.isNumber()) {
            throw ApiException.invalidField(field, "must be a number");
        }
        return node.asDouble();
    }

    private static int count(JsonNode body, String field, int fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw ApiException.invalidField(field, "must be a whole number >= 0");
        }
        return node.asInt();
    }

    private static Instant instant(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-29T08:00:00Z");
        }
    }

    private static String country(JsonNode body, String field) {
        String value = text(body, field);
        if (value != null && !value.matches("[A-Za-z]{2}")) {
            throw ApiException.invalidField(field, "must be an ISO 3166 alpha-2 country code");
        }
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
