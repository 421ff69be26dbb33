package com.quanyu.eval.forecast;

import com.quanyu.forecast.accuracy.Accuracy;
import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.model.History;
import com.quanyu.forecast.series.DemandSeries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Forecast accuracy against KNOWN true demand, on the retail simulator: the engine sees only
 * sales (censored by stock-outs) and stock-out days up to the origin, and is scored on the true
 * demand of the 28 days after it. Run twice: treating stock-out days as censored (shipped), and
 * naively taking sales as demand, to show what censoring costs.
 *
 * <pre>
 * args: [skus=200] [stores=4] [origin=2026-10-24] [history-days=730] [seed=42] [selection=shipped|best|combo] [backtest-origins=shipped]
 * </pre>
 * The default origin puts the Double 11 pre-sale and peak inside the horizon.
 */
public final class RetailEvaluation {
    private RetailEvaluation() {}

    public static void main(String[] args) {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int stores = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        LocalDate origin = args.length > 2 ? LocalDate.parse(args[2]) : LocalDate.of(2026, 10, 24);
        int historyDays = args.length > 3 ? Integer.parseInt(args[3]) : 730;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42L;
        int horizon = EngineConfig.dailyDemand(com.quanyu.forecast.calendar.DemandCalendar.empty())
                .horizon();
        LocalDate first = origin.minusDays(historyDays - 1L);
        RetailSimulator.Result sim = new RetailSimulator(skus, stores, first, historyDays + horizon, seed).run();
        EngineConfig.Builder builder =
                EngineConfig.dailyDemandBuilder(sim.calendar()).keepCandidates(true);
        if (args.length > 5 && !args[5].equals("shipped")) {
            builder.selection(
                    args[5].startsWith("combo")
                            ? EngineConfig.Selection.COMBINATION
                            : EngineConfig.Selection.BEST_BACKTEST);
        }
        if (args.length > 6) {
            int origins = Integer.parseInt(args[6]);
            builder.backtestOrigins(origins).backtestStep(Math.max(7, 56 / origins));
        }
        EngineConfig config = builder.build();
        List<History> censored = new ArrayList<>();
        List<History> naive = new ArrayList<>();
        List<double[]> truth = new ArrayList<>();
        List<Double> scales = new ArrayList<>();
        int stockOutDays = 0;
        for (RetailSimulator.Series s : sim.series()) {
            double[] sales = Arrays.copyOf(s.sales(), historyDays);
            boolean[] out = Arrays.copyOf(s.stockOut(), historyDays);
            for (boolean b : out) {
                stockOutDays += b ? 1 : 0;
            }
            censored.add(new DemandSeries(s.key(), first, sales, out).toHistory());
            naive.add(History.daily(first, sales));
            truth.add(Arrays.copyOfRange(s.demand(), historyDays, historyDays + horizon));
            scales.add(Accuracy.scale(Arrays.copyOf(s.demand(), historyDays), 7));
        }
        System.out.printf(
                Locale.ROOT,
                "Retail simulation: %d SKUs x %d locations = %d series, %d days of history to %s, "
                        + "horizon %d, seed %d, selection %s, %d backtest origins %d days apart; %.1f %% of history days out of stock%n",
                skus,
                stores + 1,
                censored.size(),
                historyDays,
                origin,
                horizon,
                seed,
                config.selection(),
                config.backtestOrigins(),
                config.backtestStep(),
                100.0 * stockOutDays / (censored.size() * (double) historyDays));
        HoldoutEvaluation.Result shipped = HoldoutEvaluation.evaluate(censored, truth, scales, config);
        HoldoutEvaluation.Result plain = HoldoutEvaluation.evaluate(naive, truth, scales, config);
        System.out.println(
                "scored against true demand (MASE scaled by the true demand's in-sample seasonal naive error, m = 7)");
        shipped.scores().forEach((group, scores) -> {
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %9s %8s %8s   %s  [%s series: %d]%n",
                    "method",
                    "sMAPE",
                    "MASE",
                    "bias",
                    "(sales taken as demand: sMAPE MASE bias)",
                    group,
                    scores.get(HoldoutEvaluation.SHIPPED).series());
            scores.forEach((name, s) -> {
                var p = plain.scores().getOrDefault(group, java.util.Map.of()).get(name);
                String other = p == null
                        ? "(no such group or method)"
                        : String.format(
                                Locale.ROOT,
                                "(%.3f %.3f %+.3f on %d series)",
                                p.smape(),
                                p.mase(),
                                p.bias(),
                                p.series());
                System.out.printf(
                        Locale.ROOT, "%-10s %9.3f %8.3f %+8.3f   %s%n", name, s.smape(), s.mase(), s.bias(), other);
            });
        });
        System.out.printf(
                Locale.ROOT,
                "interval coverage (shipped, censoring-aware): 80%% -> %.3f, 95%% -> %.3f%n",
                shipped.coverage80(),
                shipped.coverage95());
        System.out.println("chosen per series: " + shipped.run().chosen());
        System.out.printf(
                Locale.ROOT,
                "time: %.1f s for %d series = %.1f s per 1,000 series%n",
                shipped.seconds(),
                censored.size(),
                shipped.seconds() * 1000 / censored.size());
    }
}
