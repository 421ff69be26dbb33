package com.quanyu.shared.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderRiskRulesTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    /** A returning customer's ordinary order: nothing fires. */
    static OrderRiskInput ordinary() {
        return new OrderRiskInput(
                "o-1", "p-1", "web", 80.0, "USD", 2, NOW, NOW.minus(Duration.ofDays(400)), 0, 0, "US", "US", "US", 12);
    }

    static OrderRiskInput with(
            OrderRiskInput o,
            double total,
            Instant created,
            int last24h,
            int failures,
            String ip,
            String billing,
            String shipping,
            int customerOrders) {
        return new OrderRiskInput(
                o.orderId(),
                o.profileId(),
                o.channel(),
                total,
                o.currency(),
                o.itemCount(),
                o.orderTime(),
                created,
                last24h,
                failures,
                ip,
                billing,
                shipping,
                customerOrders);
    }

    private final OrderRiskRules rules = OrderRiskRules.defaults();

    @Test
    void ordinaryOrderScoresZeroWithoutReasons() {
        var outcome = rules.evaluate(ordinary());
        assertEquals(0.0, outcome.score(), 1e-12);
        assertTrue(outcome.reasons().isEmpty());
    }

    @Test
    void velocityFiresModeratelyThenStrongly() {
        var o = ordinary();
        assertEquals(
                0.0,
                rules.evaluate(with(o, 80, o.accountCreatedAt(), 2, 0, "US", "US", "US", 12))
                        .score(),
                1e-12);
        var three = rules.evaluate(with(o, 80, o.accountCreatedAt(), 3, 0, "US", "US", "US", 12));
        var six = rules.evaluate(with(o, 80, o.accountCreatedAt(), 6, 0, "US", "US", "US", 12));
        assertEquals(0.35, three.score(), 1e-12);
        assertEquals(0.6, six.score(), 1e-12);
        assertEquals("velocity: 6 orders in 24h", six.reasons().get(0));
    }

    @Test
    void countryMismatchesAreCaseInsensitiveAndIgnoreUnknowns() {
        var o = ordinary();
        assertEquals(
                0.0,
                rules.evaluate(with(o, 80, o.accountCreatedAt(), 0, 0, "us", "US", null, 12))
                        .score(),
                1e-12);
        var ipOff = rules.evaluate(with(o, 80, o.accountCreatedAt(), 0, 0, "NG", "US", "US", 12));
        assertEquals(0.3, ipOff.score(), 1e-12);
        assertEquals("country mismatch: IP NG, billing US", ipOff.reasons().get(0));
        var both = rules.evaluate(with(o, 80, o.accountCreatedAt(), 0, 0, "NG", "US", "GB", 12));
        assertEquals(1 - 0.7 * 0.8, both.score(), 1e-12);
        assertEquals(2, both.reasons().size());
    }

    @Test
    void newAccountWithHighValueUsesTheCurrencyThreshold() {
        var o = ordinary();
        Instant tenMinutesAgo = NOW.minus(Duration.ofMinutes(10));
        var big = rules.evaluate(with(o, 650, tenMinutesAgo, 0, 0, "US", "US", "US", 0));
        assertEquals(0.45, big.score(), 1e-12);
        assertEquals(
                "new account with high value: 650.00 USD from an account 10 min old",
                big.reasons().get(0));
        assertEquals(
                0.0,
                rules.evaluate(with(o, 650, NOW.minus(Duration.ofDays(3)), 0, 0, "US", "US", "US", 0))
                        .score(),
                1e-12);
        var yen = new OrderRiskInput("o", "p", "web", 650, "JPY", 1, NOW, tenMinutesAgo, 0, 0, "JP", "JP", "JP", 0);
        assertEquals(0.0, rules.evaluate(yen).score(), 1e-12, "650 JPY is not high value");
        var unknownCurrency =
                new OrderRiskInput("o", "p", "web", 1e9, "XXX", 1, NOW, tenMinutesAgo, 0, 0, "JP", "JP", "JP", 0);
        assertEquals(0.0, rules.evaluate(unknownCurrency).score(), 1e-12);
    }

    @Test
    void withoutCreationTimeAFirstOrderCountsAsNewAccount() {
        var o = ordinary();
        assertTrue(rules.isNewAccount(with(o, 900, null, 0, 0, "US", "US", "US", 0)));
        assertFalse(rules.isNewAccount(with(o, 900, null, 0, 0, "US", "US", "US", 4)));
    }

    @Test
    void paymentFailuresAndSignalsCombineAsNoisyOr() {
        var o = ordinary();
        var failures = rules.evaluate(with(o, 80, o.accountCreatedAt(), 0, 3, "US", "US", "US", 12));
        assertEquals(0.3, failures.score(), 1e-12);
        var everything = rules.evaluate(with(o, 2000, NOW.minus(Duration.ofMinutes(5)), 7, 9, "RU", "US", "BR", 0));
        double expected = 1 - (0.4 * 0.7 * 0.8 * 0.55 * 0.4);
        assertEquals(expected, everything.score(), 1e-12);
        assertEquals(5, everything.reasons().size());
        assertTrue(everything.score() < 1);
    }

    @Test
    void builderValidatesThresholds() {
        var strict = OrderRiskRules.builder()
                .velocity(2, 4)
                .paymentFailures(1, 2)
                .newAccountAge(Duration.ofDays(7))
                .build();
        var o = ordinary();
        assertEquals(
                0.35,
                strict.evaluate(with(o, 80, o.accountCreatedAt(), 2, 0, "US", "US", "US", 12))
                        .score(),
                1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> OrderRiskRules.builder().velocity(5, 2));
    }
}
