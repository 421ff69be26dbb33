package com.quanyu.eval.forecast;

import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.model.GlobalConfig;
import com.quanyu.forecast.model.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the forecasting engine on any M4-format train/test pair and prints sMAPE and MASE per
 * method beside the official M4 figures of the file's frequency (from its name or series ids).
 *
 * <pre>
 * args: [train.csv] [test.csv] [horizon] [seasonality] [selection: best|combo] [mase-period] [backtest-origins] [pooled|local]
 * defaults: ../shared/data/m4-weekly/Weekly-train.csv ../shared/data/m4-weekly/Weekly-test.csv 13 1 best 1 5 pooled
 * </pre>
 *
 * <p>{@code local} leaves the pooled model out: every method then sees only its own series, which
 * rules out the cross-series leak described below.
 *
 * <p>The global model is pooled across series that end on different (unknown) dates in M4; it
 * never sees any test value, but a series may have ended later in calendar time than another's
 * forecast origin. The per-series methods have no such exposure; compare them with the global one.
 */
public final class M4Evaluation {
    private M4Evaluation() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("quanyu.root", "."));
        Path train = args.length > 0 ? Path.of(args[0]) : root.resolve("../shared/data/m4-weekly/Weekly-train.csv");
        Path test = args.length > 1 ? Path.of(args[1]) : root.resolve("../shared/data/m4-weekly/Weekly-test.csv");
        int horizon = args.length > 2 ? Integer.parseInt(args[2]) : 13;
        int seasonality = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        EngineConfig.Selection selection = args.length > 4 && args[4].startsWith("combo")
                ? EngineConfig.Selection.COMBINATION
                : EngineConfig.Selection.BEST_BACKTEST;
        int masePeriod = args.length > 5 ? Integer.parseInt(args[5]) : seasonality;
        int origins = args.length > 6 ? Integer.parseInt(args[6]) : 5;
        boolean pooled = !(args.length > 7 && args[7].equals("local"));
        if (!Files.isReadable(train) || !Files.isReadable(test)) {
            System.err.println("cannot read " + train + " or " + test);
            System.exit(2);
        }
        Map<String, double[]> trainSeries = M4Data.read(train);
        Map<String, double[]> testSeries = M4Data.read(test);
        List<History> histories = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (var entry : trainSeries.entrySet()) {
            double[] actual = testSeries.get(entry.getKey());
            if (actual == null) {
                throw new IllegalArgumentException("series " + entry.getKey() + " has no test values");
            }
            histories.add(History.of(entry.getValue()));
            actuals.add(actual);
        }
        EngineConfig config = EngineConfig.builder()
                .horizon(horizon)
                .period(seasonality)
                .masePeriod(masePeriod)
                .backtestOrigins(origins)
                .backtestStep(horizon)
                .minHistory(Math.max(2 * seasonality, 8))
                .selection(selection)
                .global(pooled ? GlobalConfig.undated(horizon, seasonality) : null)
                .keepCandidates(true)
                .build();
        HoldoutEvaluation.Result result = HoldoutEvaluation.evaluate(histories, actuals, config);
        System.out.printf(
                Locale.ROOT,
                "M4 evaluation: %s, %d series, horizon %d, seasonality %d, MASE period %d, selection %s, %d backtest origins, %s%n",
                train.getFileName(),
                histories.size(),
                horizon,
                seasonality,
                masePeriod,
                selection,
                origins,
                pooled
                        ? "pooled (global model + per-series methods)"
                        : "local (per-series methods only, no global model)");
        result.scores().forEach((group, scores) -> {
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %8s %8s %8s   [%s series: %d]%n",
                    "method",
                    "sMAPE",
                    "MASE",
                    "bias",
                    group,
                    scores.get(HoldoutEvaluation.SHIPPED).series());
            scores.forEach((name, s) ->
                    System.out.printf(Locale.ROOT, "%-10s %8.3f %8.3f %+8.3f%n", name, s.smape(), s.mase(), s.bias()));
        });
        String frequency = frequency(train, trainSeries.keySet());
        System.out.println(
                OFFICIAL.containsKey(frequency)
                        ? "official M4 " + frequency + ": " + OFFICIAL.get(frequency) + " (sMAPE / MASE)"
                        : "official M4 figures for " + (frequency.isEmpty() ? "this file" : frequency)
                                + ": none recorded here (known: " + String.join(", ", OFFICIAL.keySet())
                                + "; see ../shared/data/m4-weekly/PROVENANCE.md)");
        System.out.printf(
                Locale.ROOT,
                "interval coverage (shipped): 80%% -> %.3f, 95%% -> %.3f%n",
                result.coverage80(),
                result.coverage95());
        System.out.println("chosen per series: " + result.run().chosen());
        System.out.println("backtest MASE per method: " + format(result.run().backtestMase()));
        System.out.printf(
                Locale.ROOT,
                "time: %.1f s for %d series = %.1f s per 1,000 series (all methods, backtests, %s)%n",
                result.seconds(),
                histories.size(),
                result.seconds() * 1000 / histories.size(),
                pooled ? "global model" : "local: no global model");
    }

    /**
     * The official M4 scores of the benchmarks per frequency, as recorded with the data in
     * ../shared/data (README and PROVENANCE): only figures checked there, none from memory.
     */
    static final Map<String, String> OFFICIAL = Map.of(
            "Weekly",
                    "Naive2 9.161 / 2.777, Theta 9.093 / 2.637, Damped 8.866 / 2.404, winner 7.817 / 2.356, best 7.625 / 2.108",
            "Hourly", "sNaive 13.912 / 1.193");

    /** The M4 frequency of a file: from its name (Weekly-train.csv) or else its series ids (W1, H1, ...). */
    static String frequency(Path file, java.util.Collection<String> seriesIds) {
        String name = file.getFileName().toString();
        for (String frequency : List.of("Yearly", "Quarterly", "Monthly", "Weekly", "Daily", "Hourly")) {
            if (name.toLowerCase(Locale.ROOT).startsWith(frequency.toLowerCase(Locale.ROOT))) {
                return frequency;
            }
        }
        java.util.Set<Character> prefixes = new java.util.HashSet<>();
        seriesIds.forEach(id -> prefixes.add(id.isEmpty() ? '?' : id.charAt(0)));
        if (prefixes.size() == 1) {
            return switch (prefixes.iterator().next()) {
                case 'Y' -> "Yearly";
                case 'Q' -> "Quarterly";
                case 'M' -> "Monthly";
                case 'W' -> "Weekly";
                case 'D' -> "Daily";
                case 'H' -> "Hourly";
                default -> "";
            };
        }
        return "";
    }

    private static String format(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k)
                .append('=')
                .append(String.format(Locale.ROOT, "%.3f", v))
                .append(' '));
        return b.toString().trim();
    }
}
