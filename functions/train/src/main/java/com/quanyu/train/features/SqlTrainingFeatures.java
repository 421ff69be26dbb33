package com.quanyu.train.features;

import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.train.segments.CustomerValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The training feature sets from the lake's SQL layer ({@code lake/sql/training_span.sql},
 * {@code propensity_features}, {@code product_interactions}, {@code order_baskets}, {@code
 * risk_orders}, {@code rfm_inputs}): the engine (Athena in AWS, DuckDB locally) scans the
 * window and returns rows for the sampled people only, so what this function holds is bounded by
 * the sample, not by the lake. The sample is sized from the window's people on first use.
 */
public final class SqlTrainingFeatures implements TrainingFeatures {
    private static final JsonLogger LOG = JsonLogger.of(SqlTrainingFeatures.class);
    private static final String UNIT = "\u001f";
    private static final String RECORD = "\u001e";

    private final LakeSql sql;
    private final LocalDate since;
    private final long maxPeople;
    private final String source;
    private Span span;
    private PersonSample sample;

    /**
     * @param since     first UTC day of the window
     * @param maxPeople the sample's size bound (about this many people; everyone when fewer)
     * @param source    where the lake is, for the description
     */
    public SqlTrainingFeatures(LakeSql sql, LocalDate since, long maxPeople, String source) {
        this.sql = sql;
        this.since = since;
        this.maxPeople = maxPeople;
        this.source = source;
    }

    @Override
    public synchronized Span span() {
        if (span == null) {
            Map<String, Object> row =
                    sql.query("training_span", Map.of("since", since)).get(0);
            span = new Span(
                    (Instant) row.get("first_seen"),
                    (Instant) row.get("last_seen"),
                    number(row.get("events")),
                    number(row.get("people")));
            sample = PersonSample.ofAtMost(maxPeople, span.people());
            LOG.info("training window", "span", span, "sample", sample);
        }
        return span;
    }

    /** The sample of people every feature set is drawn for. */
    public PersonSample sample() {
        span();
        return sample;
    }

    @Override
    public List<PropensityExample> propensity(Instant cutoff, Instant horizonEnd) {
        List<PropensityExample> examples = new ArrayList<>();
        for (Map<String, Object> r : query(
                "propensity_features",
                Map.of("as_of", cutoff, "horizon_end", horizonEnd, "recent_limit", ActivitySnapshot.RECENT_LIMIT))) {
            ActivitySnapshot snapshot = new ActivitySnapshot(
                    cutoff,
                    (Instant) r.get("first_seen"),
                    (Instant) r.get("last_seen"),
                    number(r.get("sessions")),
                    number(r.get("page_views")),
                    number(r.get("cart_adds")),
                    number(r.get("orders")),
                    decimal(r.get("revenue")),
                    (Instant) r.get("last_order"),
                    channels((String) r.get("channels")),
                    recent((String) r.get("recent")));
            examples.add(new PropensityExample((String) r.get("profile_id"), snapshot, number(r.get("buys")) == 1));
        }
        return examples;
    }

    @Override
    public List<ProductInteraction> interactions(Instant cutoff) {
        return query("product_interactions", Map.of("cutoff", cutoff)).stream()
                .map(r -> new ProductInteraction(
                        (String) r.get("profile_id"),
                        (String) r.get("sku"),
                        number(r.get("views_before")),
                        number(r.get("cart_adds_before")),
                        number(r.get("purchases_before")),
                        number(r.get("views")),
                        number(r.get("cart_adds")),
                        number(r.get("purchases"))))
                .toList();
    }

    @Override
    public List<List<String>> baskets() {
        Map<String, List<String>> baskets = new LinkedHashMap<>();
        query("order_baskets", Map.of())
                .forEach(r -> baskets.computeIfAbsent((String) r.get("order_key"), k -> new ArrayList<>())
                        .add((String) r.get("sku")));
        return List.copyOf(baskets.values());
    }

    @Override
    public List<OrderRiskInput> orders() {
        return query("risk_orders", Map.of()).stream()
                .map(r -> new OrderRiskInput(
                        (String) r.get("order_id"),
                        (String) r.get("profile_id"),
                        (String) r.get("channel"),
                        decimal(r.get("order_total")),
                        (String) r.get("currency"),
                        (int) number(r.get("units")),
                        (Instant) r.get("ts"),
                        (Instant) r.get("first_seen"),
                        (int) number(r.get("orders_24h")),
                        (int) number(r.get("payment_failures")),
                        (String) r.get("ip_country"),
                        (String) r.get("billing_country"),
                        (String) r.get("shipping_country"),
                        (int) number(r.get("previous_orders"))))
                .toList();
    }

    @Override
    public List<CustomerValue> customerValues(Instant asOf) {
        return query("rfm_inputs", Map.of("as_of", asOf)).stream()
                .map(r -> new CustomerValue(
                        (String) r.get("profile_id"),
                        decimal(r.get("recency_days")),
                        number(r.get("orders")),
                        decimal(r.get("revenue"))))
                .toList();
    }

    @Override
    public String description() {
        return source + " via the lake's SQL layer (since " + since + ", " + sample() + ")";
    }

    /** One feature set for the window and the sample. */
    private List<Map<String, Object>> query(String name, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("since", since);
        all.put("sample", sample().threshold());
        long start = System.nanoTime();
        List<Map<String, Object>> rows = sql.query(name, all);
        LOG.info("training features", "query", name, "rows", rows.size(), "seconds", (System.nanoTime() - start) / 1e9);
        return rows;
    }

    private static Map<String, Instant> channels(String encoded) {
        Map<String, Instant> channels = new TreeMap<>();
        for (String[] fields : records(encoded)) {
            channels.put(fields[0], Instant.ofEpochMilli(Long.parseLong(fields[1])));
        }
        return channels;
    }

    /** The recent events, newest first (as a profile keeps them). */
    private static List<ActivitySnapshot.RecentEvent> recent(String encoded) {
        List<ActivitySnapshot.RecentEvent> events = new ArrayList<>();
        for (String[] f : records(encoded)) {
            events.add(new ActivitySnapshot.RecentEvent(
                    f[1], blankToNull(f[2]), null, blankToNull(f[3]), Instant.ofEpochMilli(Long.parseLong(f[0]))));
        }
        events.sort(Comparator.comparing(ActivitySnapshot.RecentEvent::at).reversed());
        return events;
    }

    private static List<String[]> records(String encoded) {
        List<String[]> records = new ArrayList<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String record : encoded.split(RECORD, -1)) {
                records.add(record.split(UNIT, -1));
            }
        }
        return records;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static double decimal(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
