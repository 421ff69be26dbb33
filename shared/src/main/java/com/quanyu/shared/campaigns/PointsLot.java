package com.quanyu.shared.campaigns;

import java.time.Instant;

/**
 * Points earned by one order, spent first-expiring-first and expiring as a whole.
 *
 * @param orderId   the order that earned them: the idempotency key of the credit
 * @param points    points credited
 * @param remaining points not yet spent, expired or reversed
 * @param earnedAt  when the order completed
 * @param expiresAt when the remaining points lapse
 * @param channel   where the order was placed
 */
public record PointsLot(
        String orderId, long points, long remaining, Instant earnedAt, Instant expiresAt, String channel) {

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt) && remaining > 0;
    }

    PointsLot withRemaining(long value) {
        return new PointsLot(orderId, points, value, earnedAt, expiresAt, channel);
    }
}
