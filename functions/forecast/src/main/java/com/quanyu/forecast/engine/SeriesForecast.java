package com.quanyu.forecast.engine;

import java.util.List;
import java.util.Map;

/**
 * The forecast of one series: the point forecast and 80 % / 95 % prediction intervals per step,
 * the method that produced it and why.
 *
 * @param model        the method used (e.g. {@code ets}, {@code combo}, or {@code fallback-mean})
 * @param notes        what was done to the input or why a fallback was used (empty when clean)
 * @param point        point forecast per step
 * @param lower80      lower bound of the 80 % interval per step
 * @param upper80      upper bound of the 80 % interval per step
 * @param lower95      lower bound of the 95 % interval per step
 * @param upper95      upper bound of the 95 % interval per step
 * @param cumulativeSigma standard deviation of the error of total demand over steps 1..k+1
 *                     (from backtests; what safety stock is computed from)
 * @param scale        the series' in-sample naive MAE, the unit of MASE
 * @param backtestMase the chosen method's mean backtest MASE, NaN when there was no backtest
 * @param candidates   every candidate's point forecast when the run keeps them, else empty
 */
public record SeriesForecast(
        String model,
        List<String> notes,
        double[] point,
        double[] lower80,
        double[] upper80,
        double[] lower95,
        double[] upper95,
        double[] cumulativeSigma,
        double scale,
        double backtestMase,
        Map<String, double[]> candidates) {
    public SeriesForecast {
        notes = List.copyOf(notes);
        candidates = Map.copyOf(candidates);
    }

    public boolean isFallback() {
        return model.startsWith("fallback");
    }

    /**
     * Standard deviation of the error of total demand over the first {@code days} steps; beyond
     * the horizon it grows with the square root of time.
     */
    public double sigmaOfTotal(int days) {
        if (days <= 0) {
            return 0;
        }
        int h = cumulativeSigma.length;
        if (days <= h) {
            return cumulativeSigma[days - 1];
        }
        return cumulativeSigma[h - 1] * Math.sqrt((double) days / h);
    }

    public int horizon() {
        return point.length;
    }

    /** Expected total demand over the first {@code days} steps; beyond the horizon at the horizon's mean rate. */
    public double total(int days) {
        double sum = 0;
        for (int i = 0; i < Math.min(days, point.length); i++) {
            sum += point[i];
        }
        if (days > point.length && point.length > 0) {
            sum += sum / point.length * (days - point.length);
        }
        return sum;
    }
}
