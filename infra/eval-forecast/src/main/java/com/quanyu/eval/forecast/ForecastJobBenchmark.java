package com.quanyu.eval.forecast;

import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.engine.EngineRun;
import com.quanyu.forecast.engine.ForecastEngine;
import com.quanyu.forecast.engine.SeriesForecast;
import com.quanyu.forecast.model.History;
import com.quanyu.forecast.replenish.InventoryPosition;
import com.quanyu.forecast.replenish.ReplenishmentPlanner;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.store.Documents;
import com.quanyu.shared.json.Json;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the compute part of the daily job at production scale: N simulated SKU x location
 * series with two years of daily history through the shipped engine settings (backtests, global
 * model, selection, intervals), replenishment planning and the stored JSON documents. Prints wall
 * time, CPU time, peak heap and whether it fits Lambda's 15 minutes. Lake reads and DynamoDB
 * writes are not in this figure (see docs/BENCHMARKS.md for their estimate).
 *
 * <pre>args: [series=10000] [history-days=730] [stores=4]</pre>
 */
public final class ForecastJobBenchmark {
    private static final double LAMBDA_LIMIT_SECONDS = 900;

    private ForecastJobBenchmark() {}

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int historyDays = args.length > 1 ? Integer.parseInt(args[1]) : 730;
        int stores = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        LocalDate origin = LocalDate.of(2026, 11, 28);
        LocalDate first = origin.minusDays(historyDays - 1L);
        int skus = (series + stores) / (stores + 1);
        RetailSimulator.Result sim = new RetailSimulator(skus, stores, first, historyDays, 7L).run();
        List<DemandSeries> demand = new ArrayList<>();
        for (RetailSimulator.Series s : sim.series()) {
            if (demand.size() < series) {
                demand.add(new DemandSeries(s.key(), first, s.sales(), s.stockOut()));
            }
        }
        List<History> histories = demand.stream().map(DemandSeries::toHistory).toList();
        resetPeaks();
        long cpu0 = processCpu();
        long t0 = System.nanoTime();
        EngineRun run = new ForecastEngine(EngineConfig.dailyDemand(sim.calendar())).run(histories);
        long t1 = System.nanoTime();
        long bytes = 0;
        ReplenishmentPolicy policy = ReplenishmentPolicy.defaults();
        for (int i = 0; i < demand.size(); i++) {
            SeriesForecast f = run.forecasts().get(i);
            var item = new com.quanyu.forecast.series.InventorySnapshot.Item(
                    demand.get(i).key(), InventoryPosition.of(f.total(7), 0), java.util.Set.of(), policy);
            var suggestion = ReplenishmentPlanner.plan(f, item.position(), policy);
            bytes += Json.write(Documents.forecast(demand.get(i).key(), origin, f))
                    .length();
            bytes += Json.write(Documents.suggestion(item, origin, f, suggestion))
                    .length();
        }
        long t2 = System.nanoTime();
        double engineSeconds = (t1 - t0) / 1e9;
        double totalSeconds = (t2 - t0) / 1e9;
        double cpuSeconds = (processCpu() - cpu0) / 1e9;
        long peakHeap = peakHeap();
        System.out.printf(
                Locale.ROOT,
                "Forecast job benchmark: %d series x %d days, %d cores available to the JVM, max heap %d MB%n",
                demand.size(),
                historyDays,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(
                Locale.ROOT,
                "engine (2 backtest origins, global model x3, selection, intervals): %.1f s wall%n",
                engineSeconds);
        System.out.printf(
                Locale.ROOT, "replenishment + documents (%.1f MB of JSON): %.1f s%n", bytes / 1e6, (t2 - t1) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "total %.1f s wall, %.1f s CPU (all threads), peak heap %d MB, %.1f s per 1,000 series%n",
                totalSeconds,
                cpuSeconds,
                peakHeap >> 20,
                totalSeconds * 1000 / demand.size());
        System.out.println(
                "methods: " + run.chosen() + ", global model trained on " + run.globalExamples() + " windows");
        System.out.printf(
                Locale.ROOT,
                "Lambda (900 s): %s at this machine's speed; single-vCPU equivalent %.0f s%n",
                totalSeconds < LAMBDA_LIMIT_SECONDS * 0.6
                        ? "fits with margin"
                        : totalSeconds < LAMBDA_LIMIT_SECONDS ? "fits, little margin" : "does NOT fit",
                cpuSeconds);
    }

    /** Process CPU time: the common pool and GC threads included. */
    private static long processCpu() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
