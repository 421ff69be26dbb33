package com.quanyu.forecast.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals from backtest residuals: errors of the chosen method, divided by each
 * series' scale and pooled across series, give empirical quantiles per horizon step. A series'
 * interval is its point forecast plus those quantiles times its own scale. Pooling makes the
 * quantiles stable even when each series has only a few backtest origins.
 *
 * <p>It also measures the spread of the error of cumulative demand over the first k steps, which
 * safety stock needs: daily errors are correlated (a level error persists), so the spread of a
 * sum is not the root of the summed variances.
 */
final class IntervalCalibrator {
    static final double[] LEVELS = {0.025, 0.10, 0.90, 0.975};
    private static final int MIN_SAMPLES_PER_STEP = 30;
    /** Width of the central 80 % of a standard normal: turns a 10-90 % range into a standard deviation. */
    private static final double NORMAL_80_WIDTH = 2 * 1.2815516;

    /**
     * @param quantiles        {@code q[h][level]} for {@link #LEVELS}, in units of the series' scale
     * @param cumulativeSigma  standard deviation of the error of the sum of steps 1..k+1, in scale units
     */
    record Calibration(double[][] quantiles, double[] cumulativeSigma) {}

    private final List<List<Double>> errorsByStep;
    private final List<List<Double>> cumulativeByStep;

    IntervalCalibrator(int horizon) {
        errorsByStep = new ArrayList<>(horizon);
        cumulativeByStep = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            errorsByStep.add(new ArrayList<>());
            cumulativeByStep.add(new ArrayList<>());
        }
    }

    /** Records one backtest origin's scaled errors (actual - forecast) / scale, step by step. */
    void add(double[] scaledErrors) {
        double sum = 0;
        for (int h = 0; h < scaledErrors.length && h < errorsByStep.size(); h++) {
            if (!Double.isFinite(scaledErrors[h])) {
                return;
            }
            sum += scaledErrors[h];
            errorsByStep.get(h).add(scaledErrors[h]);
            cumulativeByStep.get(h).add(sum);
        }
    }

    int samples() {
        return errorsByStep.stream().mapToInt(List::size).sum();
    }

    /**
     * Steps with few samples borrow from all steps up to them; with no samples at all, a Gaussian
     * fallback of unit scale that widens with the square root of the step.
     */
    Calibration calibrate() {
        int horizon = errorsByStep.size();
        double[][] q = new double[horizon][LEVELS.length];
        double[] sigma = new double[horizon];
        List<Double> pooled = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            pooled.addAll(errorsByStep.get(h));
            List<Double> source = errorsByStep.get(h).size() >= MIN_SAMPLES_PER_STEP ? errorsByStep.get(h) : pooled;
            List<Double> cumulative = cumulativeByStep.get(h);
            if (source.isEmpty()) {
                double[] z = {-1.96, -1.2816, 1.2816, 1.96};
                for (int l = 0; l < LEVELS.length; l++) {
                    q[h][l] = z[l] * Math.sqrt(h + 1.0);
                }
            } else {
                double[] sorted = sorted(source);
                for (int l = 0; l < LEVELS.length; l++) {
                    q[h][l] = quantile(sorted, LEVELS[l]);
                }
            }
            if (cumulative.size() >= MIN_SAMPLES_PER_STEP) {
                double[] sorted = sorted(cumulative);
                sigma[h] = (quantile(sorted, 0.9) - quantile(sorted, 0.1)) / NORMAL_80_WIDTH;
            } else {
                // too few backtests: assume fully correlated errors (the cautious case for safety stock)
                sigma[h] = (h == 0 ? 0 : sigma[h - 1]) + (q[h][2] - q[h][1]) / NORMAL_80_WIDTH;
            }
        }
        return new Calibration(q, sigma);
    }

    private static double[] sorted(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double w = position - below;
        return sorted[below] * (1 - w) + sorted[above] * w;
    }
}
