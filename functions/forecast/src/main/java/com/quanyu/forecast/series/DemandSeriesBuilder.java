package com.quanyu.forecast.series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums order lines into daily demand series per SKU x location over a fixed window of days. A
 * series starts on its first sale (a product launched last month has no year of zeros before
 * it); days without sales are zero demand unless the item was out of stock.
 */
public final class DemandSeriesBuilder {
    private final LocalDate from;
    private final LocalDate to;
    private final int days;
    private final Map<SeriesKey, double[]> units = new HashMap<>();

    /** A window from {@code from} to {@code to}, inclusive. */
    public DemandSeriesBuilder(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts");
        }
        this.from = from;
        this.to = to;
        this.days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }

    /** Adds units sold; days outside the window are ignored (that is what keeps the future out). */
    public DemandSeriesBuilder add(LocalDate day, SeriesKey key, double quantity) {
        if (day.isBefore(from) || day.isAfter(to) || !Double.isFinite(quantity)) {
            return this;
        }
        units.computeIfAbsent(key, k -> new double[days])[(int) (day.toEpochDay() - from.toEpochDay())] += quantity;
        return this;
    }

    /**
     * The series, sorted by location then SKU.
     *
     * @param stockOuts days each key was out of stock (keys without sales are not added)
     */
    public List<DemandSeries> build(Map<SeriesKey, Set<LocalDate>> stockOuts) {
        List<DemandSeries> out = new ArrayList<>();
        for (var entry : new TreeMap<>(units).entrySet()) {
            double[] all = entry.getValue();
            int first = 0;
            while (first < days - 1 && all[first] == 0) {
                first++;
            }
            double[] y = new double[days - first];
            System.arraycopy(all, first, y, 0, y.length);
            boolean[] stockOut = new boolean[y.length];
            LocalDate start = from.plusDays(first);
            for (LocalDate day : stockOuts.getOrDefault(entry.getKey(), Set.of())) {
                long index = day.toEpochDay() - start.toEpochDay();
                if (index >= 0 && index < y.length) {
                    stockOut[(int) index] = true;
                }
            }
            out.add(new DemandSeries(entry.getKey(), start, y, stockOut));
        }
        return out;
    }
}
