package com.quanyu.shared.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Hand-written rules for clear fraud signals: order velocity, country mismatches between the
 * client IP, billing and shipping addresses, a new account placing a high-value order, and
 * repeated payment failures.
 *
 * <p>Each rule that fires contributes a probability-like weight; the weights combine as a
 * noisy-OR ({@code 1 - prod(1 - w)}), so two moderate signals together outweigh either one and
 * the score never exceeds 1. Thresholds are immutable and set through {@link #builder()}.
 */
public final class OrderRiskRules {
    /** The outcome of the rules for one order. */
    public record Outcome(double score, List<String> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    /** High-value thresholds per currency; rough equivalents of 500 USD. Other currencies skip that rule. */
    public static final Map<String, Double> DEFAULT_HIGH_VALUE = Map.of(
            "USD", 500.0, "EUR", 500.0, "GBP", 400.0, "CNY", 3500.0, "HKD", 4000.0, "JPY", 75000.0, "TWD", 16000.0,
            "SGD", 650.0, "THB", 17000.0, "KRW", 700000.0);

    private final int velocityOrders;
    private final int highVelocityOrders;
    private final int paymentFailures;
    private final int manyPaymentFailures;
    private final Duration newAccountAge;
    private final Map<String, Double> highValue;

    private OrderRiskRules(Builder b) {
        this.velocityOrders = b.velocityOrders;
        this.highVelocityOrders = b.highVelocityOrders;
        this.paymentFailures = b.paymentFailures;
        this.manyPaymentFailures = b.manyPaymentFailures;
        this.newAccountAge = b.newAccountAge;
        this.highValue = Map.copyOf(b.highValue);
    }

    public static OrderRiskRules defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies every rule to {@code order}. */
    public Outcome evaluate(OrderRiskInput order) {
        Objects.requireNonNull(order, "order");
        List<String> reasons = new ArrayList<>();
        double keep = 1.0; // probability that no fired rule indicates fraud
        int recent = order.ordersLast24h();
        if (recent >= highVelocityOrders) {
            keep *= 1 - 0.6;
            reasons.add("velocity: " + recent + " orders in 24h");
        } else if (recent >= velocityOrders) {
            keep *= 1 - 0.35;
            reasons.add("velocity: " + recent + " orders in 24h");
        }
        String ip = country(order.ipCountry());
        String billing = country(order.billingCountry());
        String shipping = country(order.shippingCountry());
        if (ip != null && billing != null && !ip.equals(billing)) {
            keep *= 1 - 0.3;
            reasons.add("country mismatch: IP " + ip + ", billing " + billing);
        }
        if (billing != null && shipping != null && !billing.equals(shipping)) {
            keep *= 1 - 0.2;
            reasons.add("country mismatch: billing " + billing + ", shipping " + shipping);
        }
        if (isNewAccount(order) && isHighValue(order)) {
            keep *= 1 - 0.45;
            reasons.add("new account with high value: " + amount(order) + " " + accountAgeText(order));
        }
        int failures = order.paymentFailures();
        if (failures >= manyPaymentFailures) {
            keep *= 1 - 0.6;
            reasons.add("payment failures: " + failures + " in 24h");
        } else if (failures >= paymentFailures) {
            keep *= 1 - 0.3;
            reasons.add("payment failures: " + failures + " in 24h");
        }
        return new Outcome(1 - keep, reasons);
    }

    /** Younger than the new-account age; without a creation time, an account with no earlier orders. */
    public boolean isNewAccount(OrderRiskInput order) {
        if (order.accountCreatedAt() == null || order.orderTime() == null) {
            return order.customerOrders() == 0;
        }
        return Duration.between(order.accountCreatedAt(), order.orderTime()).compareTo(newAccountAge) < 0;
    }

    /** At or above the high-value threshold of the order's currency (never, for a currency without one). */
    public boolean isHighValue(OrderRiskInput order) {
        Double threshold = highValueThreshold(order.currency());
        return threshold != null && order.total() >= threshold;
    }

    /** The high-value threshold of a currency, or null when none is configured. */
    public Double highValueThreshold(String currency) {
        return currency == null ? null : highValue.get(currency.trim().toUpperCase(Locale.ROOT));
    }

    private static String amount(OrderRiskInput order) {
        return String.format(Locale.ROOT, "%.2f %s", order.total(), order.currency());
    }

    private static String accountAgeText(OrderRiskInput order) {
        if (order.accountCreatedAt() == null || order.orderTime() == null) {
            return "as the first order of an account of unknown age";
        }
        long minutes = Math.max(
                0, Duration.between(order.accountCreatedAt(), order.orderTime()).toMinutes());
        return "from an account " + (minutes < 120 ? minutes + " min" : (minutes / 60) + " h") + " old";
    }

    private static String country(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Thresholds of the rules. */
    public static final class Builder {
        private int velocityOrders = 3;
        private int highVelocityOrders = 5;
        private int paymentFailures = 3;
        private int manyPaymentFailures = 5;
        private Duration newAccountAge = Duration.ofDays(1);
        private Map<String, Double> highValue = DEFAULT_HIGH_VALUE;

        private Builder() {}

        /** Orders in the previous 24 hours from which velocity counts (moderate, then strong). */
        public Builder velocity(int moderate, int strong) {
            if (moderate < 1 || strong < moderate) {
                throw new IllegalArgumentException("velocity thresholds need 1 <= moderate <= strong");
            }
            this.velocityOrders = moderate;
            this.highVelocityOrders = strong;
            return this;
        }

        /** Failed payment attempts in 24 hours from which the rule fires (moderate, then strong). */
        public Builder paymentFailures(int moderate, int strong) {
            if (moderate < 1 || strong < moderate) {
                throw new IllegalArgumentException("payment failure thresholds need 1 <= moderate <= strong");
            }
            this.paymentFailures = moderate;
            this.manyPaymentFailures = strong;
            return this;
        }

        /** Accounts younger than this count as new. */
        public Builder newAccountAge(Duration age) {
            this.newAccountAge = Objects.requireNonNull(age, "age");
            return this;
        }

        /** Order totals from which a new account's order is high value, per ISO 4217 currency. */
        public Builder highValue(Map<String, Double> thresholds) {
            this.highValue = Map.copyOf(thresholds);
            return this;
        }

        public OrderRiskRules build() {
            return new OrderRiskRules(this);
        }
    }
}
