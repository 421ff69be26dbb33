package com.quanyu.analytics;

import com.quanyu.shared.lake.sql.LakeSql;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the console's Overview, Funnels and Segments pages. Every figure comes from the
 * lake's shared SQL aggregates ({@code daily_kpis}, {@code funnels}, {@code rfm_inputs}); this class
 * only sums their rows over a period and scores RFM quintiles. Definitions are the SQL's
 * (docs/lake.md); period totals are documented in docs/console.md.
 */
public final class StaffFigures {
    private final LakeQueries lake;

    public StaffFigures(LakeQueries lake) {
        this.lake = lake;
    }

    /**
     * Period totals, the same for the period before, the daily rows per channel and the period's
     * funnels: two lake queries (the daily KPIs of both periods at once, the funnels).
     */
    public Map<String, Object> overview(Period period) {
        Period previous = period.previous();
        List<Map<String, Object>> both = lake.query("daily_kpis", Map.of("from", previous.from(), "to", period.to()));
        List<Map<String, Object>> daily =
                both.stream().filter(r -> period.contains(day(r))).toList();
        List<Map<String, Object>> before =
                both.stream().filter(r -> previous.contains(day(r))).toList();
        Map<String, Object> funnels = funnels(period);
        @SuppressWarnings("unchecked")
        Map<String, Object> all = ((List<Map<String, Object>>) funnels.get("channels"))
                .stream()
                        .filter(r -> "all".equals(r.get("channel")))
                        .findFirst()
                        .orElse(Map.of());
        Map<String, Object> totals = totals(period, daily);
        totals.put("shoppers", (long) number(all, "viewed"));
        totals.put("buyers", (long) number(all, "ordered"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("totals", totals);
        body.put("previous", totals(previous, before));
        body.put("daily", daily);
        body.put("funnels", funnels);
        return body;
    }

    private static LocalDate day(Map<String, Object> row) {
        Object day = row.get("day");
        return day instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(day));
    }

    /** Customers per funnel step, per channel and across channels ({@code all}). */
    public Map<String, Object> funnels(Period period) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        body.put("steps", List.of("viewed", "carted", "checked_out", "ordered"));
        body.put("channels", lake.query("funnels", Map.of("from", period.from(), "to", period.to())));
        return body;
    }

    /**
     * Recency x frequency grid of buyers as of the end of {@code day}: each scored 1-5 by quintile of
     * its rank (5 = most recent, most orders; equal values share the lower score).
     */
    public Map<String, Object> rfm(LocalDate day) {
        List<Map<String, Object>> buyers = lake.query(
                "rfm_inputs",
                Map.of(
                        "since",
                        LakeSql.ALL_HISTORY,
                        "as_of",
                        day.plusDays(1)
                                .atTime(LocalTime.MIDNIGHT)
                                .toInstant(ZoneOffset.UTC)
                                .minusMillis(1),
                        "sample",
                        LakeSql.EVERYONE));
        List<Double> recency =
                buyers.stream().map(b -> -number(b, "recency_days")).sorted().toList();
        List<Double> frequency =
                buyers.stream().map(b -> number(b, "orders")).sorted().toList();
        Map<String, double[]> cells = new LinkedHashMap<>();
        for (Map<String, Object> b : buyers) {
            int r = quintile(recency, -number(b, "recency_days"));
            int f = quintile(frequency, number(b, "orders"));
            double[] cell = cells.computeIfAbsent(r + "," + f, k -> new double[2]);
            cell[0]++;
            cell[1] += number(b, "revenue");
        }
        List<Map<String, Object>> grid = new ArrayList<>();
        cells.forEach((key, v) -> {
            String[] rf = key.split(",");
            grid.add(Map.of(
                    "recency",
                    Integer.parseInt(rf[0]),
                    "frequency",
                    Integer.parseInt(rf[1]),
                    "customers",
                    (long) v[0],
                    "revenue",
                    round(v[1])));
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", day.toString());
        body.put("customers", buyers.size());
        body.put("cells", grid);
        return body;
    }

    private Map<String, Object> totals(Period period, List<Map<String, Object>> daily) {
        double events = 0;
        double orders = 0;
        double revenue = 0;
        double active = 0;
        double multichannel = 0;
        double fresh = 0;
        double returning = 0;
        for (Map<String, Object> row : daily) {
            events += number(row, "events");
            orders += number(row, "orders");
            revenue += number(row, "revenue");
            active += number(row, "active_customers");
            multichannel += number(row, "multichannel_share") * number(row, "active_customers");
            fresh += number(row, "new_customers");
            returning += number(row, "returning_customers");
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("from", period.from().toString());
        totals.put("to", period.to().toString());
        totals.put("events", (long) events);
        totals.put("orders", (long) orders);
        totals.put("revenue", round(revenue));
        totals.put("activeCustomerDays", (long) active);
        totals.put("newCustomerDays", (long) fresh);
        totals.put("returningCustomerDays", (long) returning);
        totals.put("multichannelShare", active == 0 ? 0.0 : Math.round(10_000 * multichannel / active) / 10_000.0);
        return totals;
    }

    static int quintile(List<Double> sorted, double value) {
        int first = 0;
        while (first < sorted.size() && sorted.get(first) < value) {
            first++;
        }
        return 1 + (int) (5L * first / sorted.size());
    }

    private static double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    private static double round(double money) {
        return Math.round(money * 100) / 100.0;
    }
}
