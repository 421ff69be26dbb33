package com.quanyu.forecast.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.accuracy.AccuracyReport;
import com.quanyu.forecast.accuracy.AccuracyTracker;
import com.quanyu.forecast.accuracy.PastForecast;
import com.quanyu.forecast.engine.EngineRun;
import com.quanyu.forecast.engine.ForecastEngine;
import com.quanyu.forecast.engine.SeriesForecast;
import com.quanyu.forecast.replenish.ReplenishmentPlanner;
import com.quanyu.forecast.replenish.Suggestion;
import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.InventorySnapshot;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.forecast.store.Documents;
import com.quanyu.forecast.store.ForecastTable;
import com.quanyu.forecast.store.HistoryStore;
import com.quanyu.forecast.store.InventoryStore;
import com.quanyu.forecast.store.SqlDailyDemand;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The daily run: daily demand from the lake's SQL layer up to the origin (yesterday), inventory from the
 * latest import, forecasts for every SKU x location, replenishment suggestions for every stocked
 * item, the score of the forecasts issued {@code accuracyDays} ago, and the results written to
 * DynamoDB (latest) and the lake (history). Re-running a day overwrites that day's results.
 */
public final class ForecastJob {
    private static final JsonLogger LOG = JsonLogger.of(ForecastJob.class);

    private static final int ISSUED_KEPT_DAYS = 60;

    private final SqlDailyDemand demand;
    private final InventoryStore inventory;
    private final HistoryStore history;
    private final ForecastTable table;
    private final JobSettings settings;

    public ForecastJob(
            SqlDailyDemand demand,
            InventoryStore inventory,
            HistoryStore history,
            ForecastTable table,
            JobSettings settings) {
        this.demand = demand;
        this.inventory = inventory;
        this.history = history;
        this.table = table;
        this.settings = settings;
    }

    public JobSummary run(LocalDate origin, Shard shard) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        LocalDate from = origin.minusDays(settings.historyDays() - 1L);
        DemandSeriesBuilder builder = new DemandSeriesBuilder(from, origin);
        int demandRows = demand.load(from, origin, builder);
        var stock = inventory.load(from, origin, settings.policy());
        for (SeriesKey key : stock.latest().items().keySet()) {
            // stocked items that never sold still need a (zero) forecast: they may be overstock
            builder.add(origin, key, 0);
        }
        List<DemandSeries> series = builder.build(stock.stockOutDays()).stream()
                .filter(s -> shard.contains(s.key()))
                .toList();
        long t1 = System.nanoTime();
        seconds.put("load", (t1 - t0) / 1e9);

        EngineRun run = new ForecastEngine(settings.engine())
                .run(series.stream().map(DemandSeries::toHistory).toList());
        long t2 = System.nanoTime();
        seconds.put("forecast", (t2 - t1) / 1e9);

        Map<SeriesKey, DemandSeries> byKey = new LinkedHashMap<>();
        series.forEach(s -> byKey.put(s.key(), s));
        Optional<AccuracyReport> accuracy = scorePastRun(origin, shard, byKey);

        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<PastForecast> issued = new ArrayList<>();
        Map<String, Integer> atRisk = new TreeMap<>();
        int suggestions = 0;
        for (int i = 0; i < series.size(); i++) {
            SeriesKey key = series.get(i).key();
            SeriesForecast f = run.forecasts().get(i);
            ObjectNode forecast = Documents.forecast(key, origin, f);
            items.add(ForecastTable.forecastItem(forecast));
            items.add(ForecastTable.issuedItem(forecast, issuedExpiry(origin)));
            issued.add(new PastForecast(key, origin, f.model(), f.point(), f.scale()));
            InventorySnapshot.Item item = stock.latest().items().get(key);
            if (item != null) {
                Suggestion s = ReplenishmentPlanner.plan(f, item.position(), item.policy());
                items.add(ForecastTable.suggestionItem(Documents.suggestion(item, origin, f, s)));
                suggestions++;
                if (s.risk() != Suggestion.Risk.NONE) {
                    atRisk.merge(s.risk().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        history.write(origin, shard.suffix(), issued);
        accuracy.ifPresent(a -> {
            history.writeAccuracy(a, shard.suffix());
            ObjectNode doc = Json.mapper().valueToTree(a);
            doc.put("scoredOn", origin.toString());
            items.add(ForecastTable.recordItem("ACCURACY", a.origin() + shard.suffix(), doc));
        });
        JobSummary summary =
                new JobSummary(origin.toString(), series.size(), run.chosen(), suggestions, atRisk, accuracy, seconds);
        ObjectNode runDoc = Json.mapper().valueToTree(summary.toMap());
        run.globalProvenance().ifPresent(p -> runDoc.put("globalModelProvenance", p));
        items.add(ForecastTable.recordItem("RUN", origin + shard.suffix(), runDoc));
        table.putAll(items);
        seconds.put("write", (System.nanoTime() - t2) / 1e9);
        LOG.info(
                "forecast run done",
                "origin",
                origin.toString(),
                "shard",
                shard.suffix(),
                "series",
                series.size(),
                "methods",
                run.chosen(),
                "suggestions",
                suggestions,
                "atRisk",
                atRisk,
                "seconds",
                seconds,
                "demandRows",
                demandRows,
                "globalExamples",
                run.globalExamples());
        return summary;
    }

    private Optional<AccuracyReport> scorePastRun(LocalDate origin, Shard shard, Map<SeriesKey, DemandSeries> actuals) {
        Optional<LocalDate> past =
                history.latestOriginOnOrBefore(origin.minusDays(settings.accuracyDays()), shard.suffix());
        if (past.isEmpty()) {
            return Optional.empty();
        }
        List<PastForecast> forecasts = history.read(past.get(), shard.suffix());
        return AccuracyTracker.score(forecasts, actuals, origin, settings.accuracyDays());
    }

    /** Forecasts as issued are kept 60 days past their origin: long enough to score their 28 days. */
    private static long issuedExpiry(LocalDate origin) {
        return origin.plusDays(ISSUED_KEPT_DAYS).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
}
