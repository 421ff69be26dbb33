package com.quanyu.campaigns.budget;

/**
 * Diminishing returns of ad spend: expected daily conversions {@code a·(1 − e^(−s/b))}, saturating
 * at {@code a}; {@code b} is the spend at which 63 % of saturation is reached.
 *
 * @param saturation a, conversions per day at unlimited spend
 * @param scale      b, in currency units
 */
public record ResponseCurve(double saturation, double scale) {
    public ResponseCurve {
        if (!(saturation >= 0) || !(scale > 0)) {
            throw new IllegalArgumentException("saturation must be non-negative and scale positive");
        }
    }

    public double conversions(double spend) {
        return saturation * -Math.expm1(-spend / scale);
    }

    /** d conversions / d spend. */
    public double marginal(double spend) {
        return saturation / scale * Math.exp(-spend / scale);
    }

    /** The spend at which the marginal return falls to {@code lambda} (0 when it starts below). */
    public double spendAtMarginal(double lambda) {
        if (saturation <= 0) {
            return 0;
        }
        return Math.max(0, scale * Math.log(saturation / (scale * lambda)));
    }
}
