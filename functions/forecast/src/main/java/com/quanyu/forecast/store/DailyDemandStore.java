package com.quanyu.forecast.store;

import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.OrderEventParser;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.forecast.series.UnitsSold;
import com.quanyu.shared.lake.store.LakeReader;
import com.quanyu.shared.log.JsonLogger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Daily demand from the lake's raw events, through a cache of per-partition aggregates.
 *
 * <p>Raw events ({@code events/dt=P/channel=C/*.ndjson.gz}) are read once per partition and
 * summed into {@code forecast/daily-demand/dt=P.csv.gz} (business day, SKU, location, units).
 * Partitions recent enough to still receive late events are re-aggregated on every run; older
 * ones are read from the cache. A business day can span two partitions (time zones), so each
 * row carries its own business day and the builder places it.
 */
public final class DailyDemandStore {
    static final String EVENTS = "events/";
    static final String AGGREGATES = "forecast/daily-demand/";
    private static final JsonLogger LOG = JsonLogger.of(DailyDemandStore.class);

    private final LakeStore lake;
    private final OrderEventParser parser;
    private final int threads;

    public DailyDemandStore(LakeStore lake, OrderEventParser parser, int threads) {
        this.lake = lake;
        this.parser = parser;
        this.threads = Math.max(1, threads);
    }

    /** What loading saw. */
    public record LoadStats(int partitions, int reaggregated, long orders, long malformedLines) {}

    /**
     * Adds the demand of business days {@code from..to} to the builder.
     *
     * @param freshFrom partitions on or after this day are re-aggregated from raw events
     */
    public LoadStats load(LocalDate from, LocalDate to, LocalDate freshFrom, DemandSeriesBuilder builder) {
        List<LocalDate> partitions = new ArrayList<>();
        for (LocalDate p = from.minusDays(1); !p.isAfter(to.plusDays(1)); p = p.plusDays(1)) {
            partitions.add(p);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Aggregate>> futures = new ArrayList<>();
            for (LocalDate p : partitions) {
                futures.add(pool.submit(() -> aggregate(p, !p.isBefore(freshFrom))));
            }
            long orders = 0;
            long malformed = 0;
            int rebuilt = 0;
            for (Future<Aggregate> f : futures) {
                Aggregate a = get(f);
                a.rows().forEach(r -> builder.add(r.day(), r.key(), r.quantity()));
                orders += a.orders();
                malformed += a.malformedLines();
                rebuilt += a.rebuilt() ? 1 : 0;
            }
            return new LoadStats(partitions.size(), rebuilt, orders, malformed);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Aggregate(List<UnitsSold> rows, long orders, long malformedLines, boolean rebuilt) {}

    private Aggregate aggregate(LocalDate partition, boolean fresh) {
        String cacheKey = AGGREGATES + "dt=" + partition + ".csv.gz";
        if (!fresh) {
            Optional<String> cached = lake.readText(cacheKey);
            if (cached.isPresent()) {
                return new Aggregate(parseAggregate(cached.get()), 0, 0, false);
            }
        }
        Map<String, double[]> sums = new TreeMap<>();
        Set<String> seenOrders = new HashSet<>();
        long orders = 0;
        long malformed = 0;
        for (String key : lake.keys(EVENTS + "dt=" + partition + "/")) {
            long[] unusable = {0};
            LakeReader.ReadReport report = lake.readEvents(key, line -> {
                try {
                    var order = parser.parse(line);
                    if (order.isPresent() && seenOrders.add(order.get().id())) {
                        for (UnitsSold l : order.get().lines()) {
                            String row = l.day() + "," + l.key().sku() + ","
                                    + l.key().location();
                            sums.computeIfAbsent(row, k -> new double[1])[0] += l.quantity();
                        }
                    }
                } catch (IllegalArgumentException e) {
                    unusable[0]++;
                }
            });
            malformed += report.badLines() + report.badObjects() + unusable[0];
            if (report.badLines() > 0 || report.badObjects() > 0) {
                LakeReader.log(report, "key", key);
            }
        }
        orders = seenOrders.size();
        StringBuilder csv = new StringBuilder("day,sku,location,units\n");
        sums.forEach(
                (row, units) -> csv.append(row).append(',').append(units[0]).append('\n'));
        lake.writeGzipText(cacheKey, csv.toString(), "text/csv");
        if (malformed > 0) {
            LOG.warn("malformed lake lines skipped", "partition", partition.toString(), "lines", malformed);
        }
        return new Aggregate(parseAggregate(csv.toString()), orders, malformed, true);
    }

    static List<UnitsSold> parseAggregate(String csv) {
        List<UnitsSold> rows = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            if (c.length == 4) {
                rows.add(new UnitsSold(
                        LocalDate.parse(c[0]), SeriesKey.of(c[1], c[2]), Double.parseDouble(c[3]), Double.NaN));
            }
        }
        return rows;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the lake", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
