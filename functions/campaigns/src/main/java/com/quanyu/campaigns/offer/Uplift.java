package com.quanyu.campaigns.offer;

import java.util.Map;

/**
 * Conversion of treated versus held-out profiles, with a 95 % normal-approximation interval on the
 * difference: the offer programme's causal effect, as far as a random holdout can tell it.
 *
 * @param treatedProfiles   profiles in the treated group
 * @param treatedConverted  of those, converted (ordered) after assignment
 * @param holdoutProfiles   profiles held out
 * @param holdoutConverted  of those, converted
 * @param uplift            treated rate minus holdout rate (absolute)
 * @param low               lower end of the 95 % interval
 * @param high              upper end
 */
public record Uplift(
        long treatedProfiles,
        long treatedConverted,
        long holdoutProfiles,
        long holdoutConverted,
        double uplift,
        double low,
        double high) {

    public static Uplift of(Map<String, long[]> groups) {
        long[] treated = groups.getOrDefault("treated", new long[2]);
        long[] holdout = groups.getOrDefault("holdout", new long[2]);
        double pt = rate(treated);
        double ph = rate(holdout);
        double se = Math.sqrt(variance(pt, treated[0]) + variance(ph, holdout[0]));
        double diff = pt - ph;
        return new Uplift(treated[0], treated[1], holdout[0], holdout[1], diff, diff - 1.96 * se, diff + 1.96 * se);
    }

    private static double rate(long[] group) {
        return group[0] == 0 ? 0 : (double) group[1] / group[0];
    }

    private static double variance(double p, long n) {
        return n == 0 ? 0.25 : p * (1 - p) / n;
    }
}
