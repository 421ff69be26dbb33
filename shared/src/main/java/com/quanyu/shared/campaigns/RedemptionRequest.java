package com.quanyu.shared.campaigns;

import java.util.Locale;
import java.util.Objects;

/**
 * A checkout asking to apply a coupon to an order, from any channel. {@code (code, orderId)} is the
 * idempotency key: repeating a request returns the first outcome.
 *
 * @param code       the coupon code as typed (case and surrounding blanks are ignored)
 * @param orderId    the order (or basket) id of the channel, unique per order
 * @param channel    where the order is placed
 * @param profileId  the customer's profile id when known (required to use a unique code someone else holds)
 * @param orderTotal order value before shipping
 * @param shipping   shipping fee, for free-shipping offers; may be null
 */
public record RedemptionRequest(
        String code, String orderId, String channel, String profileId, Money orderTotal, Money shipping) {
    public RedemptionRequest {
        code = normaliseCode(code);
        if (orderId == null || orderId.isBlank() || orderId.length() > 128) {
            throw new IllegalArgumentException("orderId is required (at most 128 characters)");
        }
        orderId = orderId.trim();
        channel = Channels.normalise(channel);
        Objects.requireNonNull(orderTotal, "orderTotal is required");
        if (shipping != null && !shipping.sameCurrency(orderTotal)) {
            throw new IllegalArgumentException("shipping must be in the order's currency " + orderTotal.currency());
        }
        profileId = profileId == null || profileId.isBlank() ? null : profileId.trim();
    }

    /** Codes are case-insensitive and compared without blanks or dashes customers add when typing. */
    public static String normaliseCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("code is required");
        }
        String normalised = code.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!normalised.matches("[A-Z0-9-]{4,40}")) {
            throw new IllegalArgumentException("code must be 4-40 letters, digits or '-'");
        }
        return normalised;
    }
}
