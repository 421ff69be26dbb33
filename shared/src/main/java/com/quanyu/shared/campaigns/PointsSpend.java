package com.quanyu.shared.campaigns;

import java.time.Instant;
import java.util.Map;

/**
 * Points spent at a checkout.
 *
 * @param orderId  the order paid with them: the idempotency key of the spend
 * @param points   points spent
 * @param fromLots how many points came from each lot (by earning order id), for refunds
 * @param at       when
 * @param refunded whether the points were given back
 */
public record PointsSpend(String orderId, long points, Map<String, Long> fromLots, Instant at, boolean refunded) {
    public PointsSpend {
        fromLots = Map.copyOf(fromLots);
    }
}
