package com.quanyu.analytics;

import com.quanyu.analytics.lake.LakeRow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recency / frequency / monetary grid of the customers who ordered, from lake orders up to
 * {@code asOf}: recency and frequency are scored 1-5 by quintile (5 = most recent, most orders;
 * ties share the lower quintile), each cell gives its number of customers and their revenue.
 */
public record Rfm(LocalDate asOf, long customers, List<Cell> cells) {
    /** One recency x frequency cell. */
    public record Cell(int recency, int frequency, long customers, double revenue) {
    }

    private record Buyer(long daysSince, long orders, double revenue) {
    }

    public static Rfm of(List<LakeRow> rows, LocalDate asOf) {
        Map<String, long[]> orders = new HashMap<>();
        Map<String, Double> revenue = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        for (LakeRow row : rows) {
            if (row.step() != LakeRow.Step.ORDER || row.day().isAfter(asOf)) {
                continue;
            }
            orders.computeIfAbsent(row.profileId(), p -> new long[1])[0]++;
            revenue.merge(row.profileId(), row.revenue(), Double::sum);
            last.merge(row.profileId(), row.day(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Buyer> buyers = new ArrayList<>();
        orders.forEach((p, n) -> buyers.add(new Buyer(ChronoUnit.DAYS.between(last.get(p), asOf), n[0], revenue.get(p))));
        List<Long> recencies = buyers.stream().map(b -> -b.daysSince()).sorted().toList();
        List<Long> frequencies = buyers.stream().map(Buyer::orders).sorted().toList();
        Map<Integer, long[]> counts = new HashMap<>();
        Map<Integer, Double> money = new HashMap<>();
        for (Buyer b : buyers) {
            int cell = quintile(recencies, -b.daysSince()) * 10 + quintile(frequencies, b.orders());
            counts.computeIfAbsent(cell, c -> new long[1])[0]++;
            money.merge(cell, b.revenue(), Double::sum);
        }
        List<Cell> cells = new ArrayList<>();
        counts.forEach((cell, n) -> cells.add(new Cell(cell / 10, cell % 10, n[0], Overview.round(money.get(cell)))));
        cells.sort(Comparator.comparingInt(Cell::recency).thenComparingInt(Cell::frequency));
        return new Rfm(asOf, buyers.size(), cells);
    }

    /** 1-5: the quintile of the first position of {@code value} in the sorted list. */
    static int quintile(List<Long> sorted, long value) {
        int first = java.util.Collections.binarySearch(sorted, value);
        while (first > 0 && sorted.get(first - 1) == value) {
            first--;
        }
        return 1 + (int) (5L * first / sorted.size());
    }
}
