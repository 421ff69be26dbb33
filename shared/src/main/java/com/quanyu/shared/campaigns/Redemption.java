package com.quanyu.shared.campaigns;

import java.time.Instant;

/**
 * The outcome of applying a coupon to an order.
 *
 * @param code       the coupon
 * @param orderId    the order
 * @param campaignId the campaign
 * @param profileId  the customer, when known
 * @param channel    where it was redeemed
 * @param discount   the amount taken off
 * @param giftSku    the gift added, for gift offers
 * @param state      where the redemption stands
 * @param at         when it was confirmed or released
 */
public record Redemption(
        String code,
        String orderId,
        String campaignId,
        String profileId,
        String channel,
        Money discount,
        String giftSku,
        State state,
        Instant at) {

    /** The redemption's life cycle; only {@code CONFIRMED} counts as used. */
    public enum State {
        /** Recorded, uses being reserved; a retry completes it. */
        PENDING,
        /** Applied to the order. */
        CONFIRMED,
        /** Being given back (refund or abandoned checkout); a retry completes it. */
        RELEASING,
        /** Given back: the use is available again. */
        RELEASED
    }
}
