package com.quanyu.shared.campaigns;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Campaigns and requests for coupon tests; ids are unique per call so tests share one table. */
final class CouponFixtures {
    static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CouponFixtures() {}

    static String uniqueId(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    static Campaign campaign(String id, Offer offer, Set<String> channels, Money budget) {
        return new Campaign(
                id,
                "Test " + id,
                null,
                offer,
                channels,
                "CNY",
                budget,
                NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)),
                Campaign.Status.ACTIVE);
    }

    static RedemptionRequest request(String code, String orderId, String channel, String total) {
        return new RedemptionRequest(code, orderId, channel, null, cny(total), null);
    }
}
