package com.quanyu.forecast.engine;

import com.quanyu.forecast.accuracy.Accuracy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forecasts for series the models cannot fit: nothing observed or all zero gives zero; a single
 * point or a short history gives the mean of the last season, with intervals from the pooled
 * calibration scaled to the series. The reason is kept in the notes.
 */
final class Fallback {
    private Fallback() {}

    static SeriesForecast forecast(
            PreparedSeries prepared, EngineConfig config, IntervalCalibrator.Calibration calibration) {
        String reason = prepared.fallback().orElseThrow();
        List<String> notes = new ArrayList<>(prepared.notes());
        notes.add(reason);
        double[] y = prepared.history().values();
        int horizon = config.horizon();
        if (y.length == 0 || reason.equals("all_zero")) {
            double[] zero = new double[horizon];
            return new SeriesForecast(
                    "fallback-zero", notes, zero, zero, zero, zero, zero, zero, 0, Double.NaN, Map.of());
        }
        int recent = Math.min(y.length, config.period());
        double mean = 0;
        for (int i = y.length - recent; i < y.length; i++) {
            mean += y[i] / recent;
        }
        double[] point = new double[horizon];
        java.util.Arrays.fill(point, mean);
        double scale = y.length >= 2 ? Accuracy.scale(y, 1) : Math.abs(y[0]);
        return Intervals.around(
                "fallback-mean", notes, point, scale, calibration, config.nonNegative(), Double.NaN, Map.of());
    }
}
