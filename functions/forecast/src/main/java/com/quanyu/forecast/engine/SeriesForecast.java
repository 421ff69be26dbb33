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
 * @param scale        the series' in-sample naive MAE, the unit of MASE
 * @param backtestMase the chosen method's mean backtest MASE, NaN when there was no backtest
 * @param candidates   every candidate's point forecast when the run keeps them, else empty
 */
public record SeriesForecast(String model, List<String> notes, double[] point, double[] lower80, double[] upper80,
                             double[] lower95, double[] upper95, double scale, double backtestMase,
                             Map<String, double[]> candidates) {
    public SeriesForecast {
        notes = List.copyOf(notes);
        candidates = Map.copyOf(candidates);
    }

    public boolean isFallback() {
        return model.startsWith("fallback");
    }

    public int horizon() {
        return point.length;
    }

    /** Sum of the point forecast over the first {@code days} steps. */
    public double total(int days) {
        double sum = 0;
        for (int i = 0; i < Math.min(days, point.length); i++) {
            sum += point[i];
        }
        return sum;
    }
}
