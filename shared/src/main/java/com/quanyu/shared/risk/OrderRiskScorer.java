package com.quanyu.shared.risk;

/** Assesses the fraud risk of an order at ingestion time; implementations must be thread-safe and fast. */
@FunctionalInterface
public interface OrderRiskScorer {
    OrderRisk assess(OrderRiskInput order);
}
