package com.quanyu.eval.forecast;

import com.quanyu.forecast.accuracy.Accuracy;
import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.engine.EngineRun;
import com.quanyu.forecast.engine.ForecastEngine;
import com.quanyu.forecast.engine.SeriesForecast;
import com.quanyu.forecast.model.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Forecasts each series from its training part only, then scores every method against the test
 * part: mean sMAPE and mean MASE per method (MASE scaled by the training part's naive error with
 * period {@code masePeriod}), and the coverage of the shipped method's 80 % and 95 % intervals.
 * The engine never receives the test values; they are read only when scoring.
 */
public final class HoldoutEvaluation {
    /** The shipped method's name in the results. */
    public static final String SHIPPED = "shipped";

    /**
     * Scores of one method over a group of series.
     *
     * @param smape  mean sMAPE (percent)
     * @param mase   mean MASE
     * @param bias   total forecast minus total actual over total |actual| of the group (a mean of
     *               per-series ratios would be dominated by slow movers that sold one unit)
     * @param series series in the group
     */
    public record Score(double smape, double mase, double bias, int series) {}

    /**
     * @param scores       per group of series ({@code all}, {@code smooth}, {@code intermittent},
     *                     {@code fallback}), method name to its mean scores over the group's series
     *                     (the shipped method under {@link #SHIPPED}); within a group every method
     *                     is scored on the same series
     * @param coverage80   share of test points inside the shipped 80 % interval
     * @param coverage95   share inside the 95 % interval
     * @param seconds      wall time of forecasting (not scoring)
     * @param forecasts    the shipped forecasts, per series in input order
     * @param run          the engine's run (backtest figures, choices)
     */
    public record Result(
            Map<String, Map<String, Score>> scores,
            double coverage80,
            double coverage95,
            double seconds,
            List<double[]> forecasts,
            EngineRun run) {}

    private HoldoutEvaluation() {}

    public static Result evaluate(List<History> train, List<double[]> test, EngineConfig config) {
        List<Double> scales = new ArrayList<>();
        for (History h : train) {
            scales.add(Accuracy.scale(h.values(), config.masePeriod()));
        }
        return evaluate(train, test, scales, config);
    }

    /**
     * As {@link #evaluate(List, List, EngineConfig)} with given MASE scales (e.g. from the true
     * demand of a simulation, identical for every variant compared).
     */
    public static Result evaluate(List<History> train, List<double[]> test, List<Double> scales, EngineConfig config) {
        long start = System.nanoTime();
        EngineRun run = new ForecastEngine(config).run(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Map<String, double[]>> sums = new TreeMap<>();
        double inside80 = 0;
        double inside95 = 0;
        int points = 0;
        List<double[]> shipped = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            SeriesForecast f = run.forecasts().get(i);
            double[] actual = test.get(i);
            int h = Math.min(actual.length, f.horizon());
            double[] a = java.util.Arrays.copyOf(actual, h);
            double scale = scales.get(i);
            String group = f.isFallback() ? "fallback" : f.candidates().containsKey("sba") ? "intermittent" : "smooth";
            add(sums, "all", SHIPPED, a, java.util.Arrays.copyOf(f.point(), h), scale);
            add(sums, group, SHIPPED, a, java.util.Arrays.copyOf(f.point(), h), scale);
            f.candidates()
                    .forEach((name, points2) -> add(sums, group, name, a, java.util.Arrays.copyOf(points2, h), scale));
            inside80 += Accuracy.coverage(a, f.lower80(), f.upper80()) * h;
            inside95 += Accuracy.coverage(a, f.lower95(), f.upper95()) * h;
            points += h;
            shipped.add(f.point());
        }
        Map<String, Map<String, Score>> scores = new TreeMap<>();
        sums.forEach((group, byName) -> byName.forEach((name, s) -> scores.computeIfAbsent(group, k -> new TreeMap<>())
                .put(name, new Score(s[0] / s[3], s[1] / s[3], s[4] == 0 ? 0 : s[2] / s[4], (int) s[3]))));
        return new Result(scores, inside80 / points, inside95 / points, seconds, shipped, run);
    }

    private static void add(
            Map<String, Map<String, double[]>> sums,
            String group,
            String name,
            double[] actual,
            double[] forecast,
            double scale) {
        double[] s = sums.computeIfAbsent(group, k -> new TreeMap<>()).computeIfAbsent(name, k -> new double[5]);
        s[0] += Accuracy.smape(actual, forecast);
        s[1] += Accuracy.mase(actual, forecast, scale);
        for (int h = 0; h < actual.length; h++) {
            s[2] += forecast[h] - actual[h];
            s[4] += Math.abs(actual[h]);
        }
        s[3]++;
    }
}
