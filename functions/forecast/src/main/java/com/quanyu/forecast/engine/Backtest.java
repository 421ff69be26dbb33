package com.quanyu.forecast.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolling-origin backtest results: per series, per origin, per candidate, the scaled errors
 * (actual - forecast) / scale at each step. Each series is written by one thread at a time.
 */
final class Backtest {
    private final List<List<Map<String, double[]>>> errors;

    Backtest(int series) {
        errors = new ArrayList<>(series);
        for (int i = 0; i < series; i++) {
            errors.add(new ArrayList<>());
        }
    }

    void record(int series, Map<String, double[]> forecasts, double[] actual, double scale) {
        Map<String, double[]> scaled = new LinkedHashMap<>();
        forecasts.forEach((name, f) -> {
            double[] e = new double[actual.length];
            for (int h = 0; h < actual.length; h++) {
                e[h] = (actual[h] - f[h]) / scale;
            }
            scaled.put(name, e);
        });
        errors.get(series).add(scaled);
    }

    /** Mean absolute scaled error of a candidate over this series' origins; NaN without a backtest. */
    double mase(int series, String candidate) {
        double sum = 0;
        int origins = 0;
        for (Map<String, double[]> origin : errors.get(series)) {
            double[] e = origin.get(candidate);
            if (e != null && e.length > 0) {
                double mae = 0;
                for (double v : e) {
                    mae += Math.abs(v) / e.length;
                }
                sum += mae;
                origins++;
            }
        }
        return origins == 0 ? Double.NaN : sum / origins;
    }

    /** The method for a series: the combination when there is no backtest or when asked for it. */
    String choose(int series, EngineConfig.Selection selection) {
        List<Map<String, double[]>> runs = errors.get(series);
        if (runs.isEmpty() || selection == EngineConfig.Selection.COMBINATION) {
            return Candidates.COMBINATION;
        }
        String best = Candidates.COMBINATION;
        double bestMase = mase(series, best);
        for (String candidate : runs.get(0).keySet()) {
            double m = mase(series, candidate);
            if (m < bestMase) {
                bestMase = m;
                best = candidate;
            }
        }
        return best;
    }

    /** Gives the chosen candidate's errors to an interval calibrator. */
    void feed(int series, String candidate, IntervalCalibrator calibrator) {
        for (Map<String, double[]> origin : errors.get(series)) {
            double[] e = origin.get(candidate);
            if (e != null) {
                calibrator.add(e);
            }
        }
    }

    /** Mean MASE of each candidate over the series it was backtested on. */
    Map<String, Double> meanMaseByModel() {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i).isEmpty()) {
                continue;
            }
            for (String candidate : errors.get(i).get(0).keySet()) {
                double m = mase(i, candidate);
                if (Double.isFinite(m)) {
                    double[] s = sums.computeIfAbsent(candidate, k -> new double[2]);
                    s[0] += m;
                    s[1]++;
                }
            }
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, v[0] / v[1]));
        return out;
    }
}
