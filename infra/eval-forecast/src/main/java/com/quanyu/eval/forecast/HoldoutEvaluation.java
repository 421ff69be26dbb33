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

    /** Scores of one method. */
    public record Score(double smape, double mase, double bias, int series) {
    }

    /**
     * @param scores       method name to its mean scores (the shipped method under {@link #SHIPPED})
     * @param coverage80   share of test points inside the shipped 80 % interval
     * @param coverage95   share inside the 95 % interval
     * @param seconds      wall time of forecasting (not scoring)
     * @param forecasts    the shipped forecasts, per series in input order
     * @param run          the engine's run (backtest figures, choices)
     */
    public record Result(Map<String, Score> scores, double coverage80, double coverage95, double seconds,
                         List<double[]> forecasts, EngineRun run) {
    }

    private HoldoutEvaluation() {
    }

    public static Result evaluate(List<History> train, List<double[]> test, EngineConfig config) {
        long start = System.nanoTime();
        EngineRun run = new ForecastEngine(config).run(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, double[]> sums = new TreeMap<>();
        double inside80 = 0;
        double inside95 = 0;
        int points = 0;
        List<double[]> shipped = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            SeriesForecast f = run.forecasts().get(i);
            double[] actual = test.get(i);
            int h = Math.min(actual.length, f.horizon());
            double[] a = java.util.Arrays.copyOf(actual, h);
            double scale = Accuracy.scale(train.get(i).values(), config.masePeriod());
            add(sums, SHIPPED, a, java.util.Arrays.copyOf(f.point(), h), scale);
            f.candidates().forEach((name, points2) -> add(sums, name, a, java.util.Arrays.copyOf(points2, h), scale));
            inside80 += Accuracy.coverage(a, f.lower80(), f.upper80()) * h;
            inside95 += Accuracy.coverage(a, f.lower95(), f.upper95()) * h;
            points += h;
            shipped.add(f.point());
        }
        Map<String, Score> scores = new TreeMap<>();
        sums.forEach((name, s) -> scores.put(name, new Score(s[0] / s[3], s[1] / s[3], s[2] / s[3], (int) s[3])));
        return new Result(scores, inside80 / points, inside95 / points, seconds, shipped, run);
    }

    private static void add(Map<String, double[]> sums, String name, double[] actual, double[] forecast, double scale) {
        double[] s = sums.computeIfAbsent(name, k -> new double[4]);
        s[0] += Accuracy.smape(actual, forecast);
        s[1] += Accuracy.mase(actual, forecast, scale);
        s[2] += Accuracy.bias(actual, forecast);
        s[3]++;
    }
}
