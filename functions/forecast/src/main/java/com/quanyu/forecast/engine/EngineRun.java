package com.quanyu.forecast.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one run over many series.
 *
 * @param forecasts         one per input series, in input order
 * @param backtestMase      mean backtest MASE of each candidate method over the series it was tried on
 * @param chosen            how many series each method was chosen for
 * @param globalProvenance  Tribuo's provenance of the final global model, when one was trained
 * @param globalExamples    training windows of the final global model (0 without one)
 */
public record EngineRun(
        List<SeriesForecast> forecasts,
        Map<String, Double> backtestMase,
        Map<String, Integer> chosen,
        Optional<String> globalProvenance,
        int globalExamples) {
    public EngineRun {
        forecasts = List.copyOf(forecasts);
        backtestMase = Map.copyOf(backtestMase);
        chosen = Map.copyOf(chosen);
    }
}
