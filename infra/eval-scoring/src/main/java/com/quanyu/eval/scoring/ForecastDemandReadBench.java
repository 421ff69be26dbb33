package com.quanyu.eval.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.job.JobSettingsFromEnv;
import com.quanyu.forecast.job.Shard;
import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.OrderEventParser;
import com.quanyu.forecast.store.DailyDemandStore;
import com.quanyu.forecast.store.LakeStore;
import com.quanyu.forecast.store.SqlDailyDemand;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The forecast job's demand read on the demo generator's lake in S3Proxy, the SQL layer (DuckDB) vs
 * the Java reader it replaces ({@code DailyDemandStore}), side by side in one JVM, then the whole job
 * on the SQL path. Lines are written 100 per lake write, as the local runtime's demo seeding sends
 * batches of 100 through ingestion. Per round: Java cold (its per-partition cache deleted first), SQL
 * with a new engine (mirror and parse), Java from its cache, SQL again on the same engine.
 *
 * <p>Usage: {@code ForecastDemandReadBench [customers=200] [days=120] [seed=42] [rounds=3]}
 */
public final class ForecastDemandReadBench {
    private ForecastDemandReadBench() {}

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(days);
        List<ObjectNode> lines = DemoLake.lines(
                DemoData.generate(DemoConfig.of(seed, customers, days).withStart(start)));
        try (StandIns aws = StandIns.start(Optional.empty())) {
            var env = aws.envFor("ForecastJobFunction");
            String bucket = env.required("DATA_LAKE_BUCKET");
            List<ObjectNode> sorted = new ArrayList<>(lines);
            sorted.sort(Comparator.comparing(l -> l.path("timestamp").asText()));
            LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
            int objects = 0;
            for (int i = 0; i < sorted.size(); i += 100) {
                objects += writer.write(sorted.subList(i, Math.min(sorted.size(), i + 100)))
                        .size();
            }
            JobSettingsFromEnv job = JobSettingsFromEnv.of(env);
            ZoneId zone = job.settings().zone();
            LocalDate origin = LocalDate.now(zone).minusDays(1);
            LocalDate from = origin.minusDays(job.settings().historyDays() - 1L);
            System.out.printf(
                    Locale.ROOT,
                    "lake: %d lines in %d objects; window %s..%s (%s)%n",
                    lines.size(),
                    objects,
                    from,
                    origin,
                    zone);
            LakeStore lake = new LakeStore(aws.s3(), bucket);
            DailyDemandStore java = new DailyDemandStore(lake, new OrderEventParser(zone), 16);
            Map<String, Double> javaCells = null;
            Map<String, Double> sqlCells = null;
            for (int round = 1; round <= rounds; round++) {
                for (String key : lake.keys("forecast/daily-demand/")) {
                    aws.s3().deleteObject(b -> b.bucket(bucket).key(key));
                }
                DemandSeriesBuilder builder = new DemandSeriesBuilder(from, origin);
                long t0 = System.nanoTime();
                java.load(from, origin, origin.minusDays(3), builder);
                double javaCold = secs(t0);
                javaCells = cells(builder, from, origin);
                try (LakeSql engine = LakeSqlEngines.fromEnv(env, aws.s3())) {
                    SqlDailyDemand sql = new SqlDailyDemand(engine, zone);
                    builder = new DemandSeriesBuilder(from, origin);
                    t0 = System.nanoTime();
                    sql.load(from, origin, builder);
                    double sqlCold = secs(t0);
                    sqlCells = cells(builder, from, origin);
                    builder = new DemandSeriesBuilder(from, origin);
                    t0 = System.nanoTime();
                    java.load(from, origin, origin.minusDays(3), builder);
                    double javaCached = secs(t0);
                    builder = new DemandSeriesBuilder(from, origin);
                    t0 = System.nanoTime();
                    sql.load(from, origin, builder);
                    double sqlWarm = secs(t0);
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: java cold %.2f s, sql new engine %.2f s, java cached %.2f s, sql same engine %.2f s%n",
                            round,
                            javaCold,
                            sqlCold,
                            javaCached,
                            sqlWarm);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "cells (day x SKU x location with sales): java %d, sql %d, equal: %b%n",
                    javaCells.size(),
                    sqlCells.size(),
                    javaCells.equals(sqlCells));
            long t0 = System.nanoTime();
            var summary = job.job().run(origin, Shard.all());
            System.out.printf(
                    Locale.ROOT,
                    "whole job on the SQL path (new engine): %.2f s wall, %d series, phases %s%n",
                    secs(t0),
                    summary.series(),
                    summary.seconds());
        }
    }

    private static Map<String, Double> cells(DemandSeriesBuilder builder, LocalDate from, LocalDate to) {
        Map<String, Double> cells = new TreeMap<>();
        for (DemandSeries series : builder.build(Map.of())) {
            double[] units = series.unitsBetween(from, to.plusDays(1));
            for (int d = 0; d < units.length; d++) {
                if (units[d] != 0) {
                    cells.put(from.plusDays(d) + " " + series.key(), units[d]);
                }
            }
        }
        return cells;
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
