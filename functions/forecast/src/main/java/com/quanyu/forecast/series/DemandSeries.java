package com.quanyu.forecast.series;

import com.quanyu.forecast.model.History;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Daily units sold of one SKU at one location over consecutive days, with the days on which it
 * was out of stock: on those days sales are censored (demand was at least what sold), so the
 * models see them as missing rather than as low demand.
 *
 * @param key      SKU and location
 * @param firstDay date of {@code units[0]}
 * @param units    units sold per day (0 when nothing sold)
 * @param stockOut true on days the item was out of stock
 */
public record DemandSeries(SeriesKey key, LocalDate firstDay, double[] units, boolean[] stockOut) {
    public DemandSeries {
        if (units.length != stockOut.length) {
            throw new IllegalArgumentException("units and stock-out flags differ in length");
        }
        units = units.clone();
        stockOut = stockOut.clone();
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(units.length - 1L);
    }

    @Override
    public double[] units() {
        return units.clone();
    }

    @Override
    public boolean[] stockOut() {
        return stockOut.clone();
    }

    /**
     * The history the models see: stock-out days become missing, to be imputed from the same
     * weekday of neighbouring weeks, instead of teaching the models that demand dropped.
     */
    public History toHistory() {
        double[] y = units.clone();
        for (int i = 0; i < y.length; i++) {
            if (stockOut[i]) {
                y[i] = Double.NaN;
            }
        }
        return new History(y, Optional.of(firstDay));
    }

    /** The units sold from {@code from} to {@code to} inclusive (days outside the series are 0). */
    public double[] unitsBetween(LocalDate from, LocalDate to) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        double[] out = new double[Math.max(0, days)];
        for (int d = 0; d < out.length; d++) {
            long index = from.toEpochDay() + d - firstDay.toEpochDay();
            if (index >= 0 && index < units.length) {
                out[d] = units[(int) index];
            }
        }
        return out;
    }
}
