package com.quanyu.campaigns.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One point of a channel's response curve as the posterior sees it: expected daily conversions at
 * a spend, with the central 80 % and 95 % intervals of the curves the posterior allows (drawn as
 * Thompson sampling draws them), so a chart shows how sure the allocation can be.
 *
 * @param spend spend per day, currency units
 * @param mean  posterior expected conversions
 * @param p2_5  2.5th percentile of the drawn curves at this spend
 * @param p10   10th percentile
 * @param p90   90th percentile
 * @param p97_5 97.5th percentile
 */
public record CurveBand(double spend, double mean, double p2_5, double p10, double p90, double p97_5) {
    /** Curves drawn per band: percentiles of 400 draws move by well under the line width of a chart. */
    static final int DRAWS = 400;

    /** {@code points} evenly spaced spends from 0 to {@code maxSpend}. */
    public static List<CurveBand> of(ChannelPosterior posterior, double maxSpend, int points, RandomGenerator random) {
        if (!(maxSpend > 0) || points < 2) {
            throw new IllegalArgumentException("maxSpend must be positive and points at least 2");
        }
        List<ResponseCurve> curves = new ArrayList<>(DRAWS);
        for (int d = 0; d < DRAWS; d++) {
            curves.add(posterior.sample(random));
        }
        List<CurveBand> bands = new ArrayList<>(points);
        double[] at = new double[DRAWS];
        for (int i = 0; i < points; i++) {
            double spend = maxSpend * i / (points - 1);
            for (int d = 0; d < DRAWS; d++) {
                at[d] = curves.get(d).conversions(spend);
            }
            Arrays.sort(at);
            bands.add(new CurveBand(
                    spend,
                    posterior.expectedConversions(spend),
                    quantile(at, 0.025),
                    quantile(at, 0.10),
                    quantile(at, 0.90),
                    quantile(at, 0.975)));
        }
        return bands;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
