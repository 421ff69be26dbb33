package com.quanyu.shared.risk;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The numeric features of an order that the risk model learns from: the same function builds them
 * for training (train) and for scoring (ingest, score), so the two can never drift apart.
 *
 * <p>Order values are divided by the currency's high-value threshold, which makes them comparable
 * across currencies without exchange rates.
 */
public final class OrderRiskFeatures {
    /** Feature names, in the order {@link #values} returns them. */
    public static final List<String> NAMES = List.of(
            "value_ratio",
            "log_items",
            "log_account_age_hours",
            "account_age_unknown",
            "orders_24h",
            "payment_failures_24h",
            "ip_billing_mismatch",
            "billing_shipping_mismatch",
            "ip_shipping_mismatch",
            "country_missing",
            "log_customer_orders",
            "first_order",
            "rules_score");

    private static final double FALLBACK_HIGH_VALUE = 500.0;

    private final OrderRiskRules rules;

    private OrderRiskFeatures(OrderRiskRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public static OrderRiskFeatures of(OrderRiskRules rules) {
        return new OrderRiskFeatures(rules);
    }

    /** The feature values of {@code order}, aligned with {@link #NAMES}. */
    public double[] values(OrderRiskInput order) {
        return values(order, rules.evaluate(order).score());
    }

    double[] values(OrderRiskInput order, double rulesScore) {
        Double threshold = rules.highValueThreshold(order.currency());
        double valueRatio = Math.max(0, order.total()) / (threshold == null ? FALLBACK_HIGH_VALUE : threshold);
        boolean ageKnown = order.accountCreatedAt() != null && order.orderTime() != null;
        double ageHours = ageKnown
                ? Math.max(
                        0,
                        Duration.between(order.accountCreatedAt(), order.orderTime())
                                        .toMinutes()
                                / 60.0)
                : 0;
        String ip = country(order.ipCountry());
        String billing = country(order.billingCountry());
        String shipping = country(order.shippingCountry());
        return new double[] {
            valueRatio,
            Math.log1p(Math.max(0, order.itemCount())),
            Math.log1p(ageHours),
            ageKnown ? 0 : 1,
            Math.max(0, order.ordersLast24h()),
            Math.max(0, order.paymentFailures()),
            mismatch(ip, billing),
            mismatch(billing, shipping),
            mismatch(ip, shipping),
            ip == null || billing == null || shipping == null ? 1 : 0,
            Math.log1p(Math.max(0, order.customerOrders())),
            order.customerOrders() <= 0 ? 1 : 0,
            rulesScore
        };
    }

    private static double mismatch(String a, String b) {
        return a != null && b != null && !a.equals(b) ? 1 : 0;
    }

    private static String country(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }
}
