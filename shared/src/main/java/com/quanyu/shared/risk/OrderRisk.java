package com.quanyu.shared.risk;

import java.util.List;

/**
 * The risk assessment of one order.
 *
 * @param score        probability-like score in [0, 1]
 * @param flagged      true when {@code score} reaches the flag threshold: downstream systems hold the order
 * @param reasons      human-readable signals that contributed (e.g. "velocity: 5 orders in 24h")
 * @param modelVersion the registry version of the model used, or "rules" when only rules applied
 */
public record OrderRisk(double score, boolean flagged, List<String> reasons, String modelVersion) {
    public OrderRisk {
        reasons = List.copyOf(reasons);
    }
}
