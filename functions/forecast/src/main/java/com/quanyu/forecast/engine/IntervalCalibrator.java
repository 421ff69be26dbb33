package com.quanyu.forecast.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Prediction intervals from backtest residuals: errors of the chosen method, divided by each
 * series' scale and pooled across series, give empirical quantiles per horizon step. A series'
 * interval is its point forecast plus those quantiles times its own scale. Pooling makes the
 * quantiles stable even when each series has only a few backtest origins.
 */
final class IntervalCalibrator {
    static final double[] LEVELS = {0.025, 0.10, 0.90, 0.975};
    private static final int MIN_SAMPLES_PER_STEP = 30;

    private final List<List<Double>> errorsByStep;

    IntervalCalibrator(int horizon) {
        errorsByStep = new ArrayList<>(horizon);
        for (int h = 0; h < horizon; h++) {
            errorsByStep.add(new ArrayList<>());
        }
    }

    /** Records a scaled error (actual - forecast) / scale at step {@code h} (0-based). */
    synchronized void add(int h, double scaledError) {
        if (Double.isFinite(scaledError)) {
            errorsByStep.get(h).add(scaledError);
        }
    }

    synchronized int samples() {
        return errorsByStep.stream().mapToInt(List::size).sum();
    }

    /**
     * Quantiles {@link #LEVELS} per step: {@code q[h][level]}. Steps with few samples borrow from
     * all steps up to them; with no samples at all, a Gaussian fallback of unit scale that widens
     * with the square root of the step.
     */
    synchronized double[][] quantiles() {
        int horizon = errorsByStep.size();
        double[][] q = new double[horizon][LEVELS.length];
        List<Double> cumulative = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            cumulative.addAll(errorsByStep.get(h));
            List<Double> source = errorsByStep.get(h).size() >= MIN_SAMPLES_PER_STEP ? errorsByStep.get(h) : cumulative;
            if (source.isEmpty()) {
                double[] z = {-1.96, -1.2816, 1.2816, 1.96};
                for (int l = 0; l < LEVELS.length; l++) {
                    q[h][l] = z[l] * Math.sqrt(h + 1.0);
                }
                continue;
            }
            double[] sorted = source.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            for (int l = 0; l < LEVELS.length; l++) {
                q[h][l] = quantile(sorted, LEVELS[l]);
            }
        }
        return q;
    }

    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double w = position - below;
        return sorted[below] * (1 - w) + sorted[above] * w;
    }
}
