package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.campaigns.Channels;
import com.quanyu.shared.campaigns.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An accepted {@code Order Completed} (or {@code Order Refunded}) event from the lake, reduced to
 * what loyalty needs.
 *
 * @param profileId the buyer's profile
 * @param orderId   {@code properties.order_id}
 * @param total     {@code properties.total} (Segment's spec: revenue after discounts, with shipping and tax)
 * @param channel   the channel the order came through
 * @param at        the event's timestamp
 */
public record OrderCompleted(String profileId, String orderId, Money total, String channel, Instant at) {

    /** The order an event line describes; empty when it is not an order event or lacks what earning needs. */
    public static Optional<OrderCompleted> from(JsonNode line) {
        JsonNode properties = line.path("properties");
        String profileId = line.path("profileId").asText("");
        String orderId = properties.path("order_id").asText("");
        JsonNode total = properties.has("total") ? properties.get("total") : properties.get("revenue");
        if (profileId.isBlank() || orderId.isBlank() || total == null || !(total.isNumber() || total.isTextual())) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(total.asText().trim());
            String currency = properties.path("currency").asText("CNY");
            String channel = line.hasNonNull("channel")
                    ? line.get("channel").asText()
                    : line.path("context").path("channel").asText("web");
            Instant at = OffsetDateTime.parse(line.path("timestamp").asText()).toInstant();
            int digits = Math.max(
                    0,
                    java.util.Currency.getInstance(currency.toUpperCase(java.util.Locale.ROOT))
                            .getDefaultFractionDigits());
            Money money = Money.of(amount.max(BigDecimal.ZERO).setScale(digits, java.math.RoundingMode.DOWN), currency);
            return Optional.of(new OrderCompleted(profileId, orderId, money, Channels.normalise(channel), at));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }
}
