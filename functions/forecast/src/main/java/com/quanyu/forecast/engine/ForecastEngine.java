package com.quanyu.forecast.engine;

import com.quanyu.forecast.accuracy.Accuracy;
import com.quanyu.forecast.model.Forecaster;
import com.quanyu.forecast.model.GlobalRegression;
import com.quanyu.forecast.model.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Forecasts many series at once: cleans each series, backtests every candidate method from
 * rolling origins (the global model retrained at each origin on data before it), picks a method
 * per series, calibrates prediction intervals from the backtest errors and forecasts from the end
 * of the history. Degenerate series get a fallback with a reason, never an exception.
 *
 * <p>All series are assumed to end at the same moment (true for the daily demand job): a backtest
 * origin is an offset from the end, so the global model trained for an origin never sees any
 * series' values after it.
 */
public final class ForecastEngine {
    private final EngineConfig config;

    public ForecastEngine(EngineConfig config) {
        this.config = config;
    }

    public EngineRun run(List<History> series) {
        int count = series.size();
        List<PreparedSeries> prepared = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> PreparedSeries.of(series.get(i), config))
                .toList();
        boolean[] intermittent = new boolean[count];
        for (int i = 0; i < count; i++) {
            intermittent[i] = prepared.get(i).fallback().isEmpty()
                    && Candidates.isIntermittent(prepared.get(i).history());
        }
        Backtest backtest = new Backtest(count);
        for (int k = 0; k < config.backtestOrigins(); k++) {
            backtestFrom(config.horizon() + k * config.backtestStep(), prepared, intermittent, backtest);
        }
        String[] chosen = new String[count];
        IntervalCalibrator regular = new IntervalCalibrator(config.horizon());
        IntervalCalibrator sparse = new IntervalCalibrator(config.horizon());
        for (int i = 0; i < count; i++) {
            if (prepared.get(i).fallback().isEmpty()) {
                chosen[i] = backtest.choose(i, config.selection());
                backtest.feed(i, chosen[i], intermittent[i] ? sparse : regular);
            }
        }
        IntervalCalibrator.Calibration regularQ = regular.calibrate();
        IntervalCalibrator.Calibration sparseQ = sparse.samples() > 0 ? sparse.calibrate() : regularQ;
        Optional<GlobalRegression> global = trainGlobal(prepared, 0);
        Candidates candidates = new Candidates(config, global);
        List<SeriesForecast> out = IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> {
                    PreparedSeries p = prepared.get(i);
                    if (p.fallback().isPresent()) {
                        return Fallback.forecast(p, config, regularQ);
                    }
                    History h = p.history();
                    Map<String, double[]> all = Candidates.forecastAll(
                            candidates.forClass(intermittent[i]), h, config.horizon(), config.localWindow());
                    double scale = Accuracy.scale(h.values(), config.masePeriod());
                    double[] point = all.get(chosen[i]);
                    return Intervals.around(
                            chosen[i],
                            p.notes(),
                            point,
                            scale,
                            intermittent[i] ? sparseQ : regularQ,
                            config.nonNegative(),
                            backtest.mase(i, chosen[i]),
                            config.keepCandidates() ? all : Map.of());
                })
                .toList();
        Map<String, Integer> chosenCount = new TreeMap<>();
        for (SeriesForecast f : out) {
            chosenCount.merge(f.model(), 1, Integer::sum);
        }
        return new EngineRun(
                out,
                backtest.meanMaseByModel(),
                chosenCount,
                global.map(GlobalRegression::provenance),
                global.map(GlobalRegression::trainingExamples).orElse(0));
    }

    private void backtestFrom(int offset, List<PreparedSeries> prepared, boolean[] intermittent, Backtest backtest) {
        Optional<GlobalRegression> global = trainGlobal(prepared, offset);
        Candidates candidates = new Candidates(config, global);
        IntStream.range(0, prepared.size()).parallel().forEach(i -> {
            PreparedSeries p = prepared.get(i);
            int n = p.history().length();
            int origin = n - offset;
            if (p.fallback().isPresent() || origin < config.minHistory()) {
                return;
            }
            History past = p.history().truncate(origin);
            int horizon = Math.min(config.horizon(), n - origin);
            List<Forecaster> tried = candidates.forClass(intermittent[i]);
            Map<String, double[]> forecasts =
                    Candidates.forecastAll(tried, past, config.horizon(), config.localWindow());
            double scale = Accuracy.scale(past.values(), config.masePeriod());
            double[] actual = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                actual[h] = p.history().at(origin + h);
            }
            backtest.record(i, forecasts, actual, scale);
        });
    }

    /** Trains the global model on every modelled series cut {@code offset} points before its end. */
    private Optional<GlobalRegression> trainGlobal(List<PreparedSeries> prepared, int offset) {
        if (config.global().isEmpty()) {
            return Optional.empty();
        }
        List<History> histories = new ArrayList<>();
        for (PreparedSeries p : prepared) {
            int origin = p.history().length() - offset;
            if (p.fallback().isEmpty() && origin >= config.minHistory()) {
                histories.add(offset == 0 ? p.history() : p.history().truncate(origin));
            }
        }
        return GlobalRegression.train(histories, config.global().get(), config.calendar());
    }
}
