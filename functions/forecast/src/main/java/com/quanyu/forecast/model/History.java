package com.quanyu.forecast.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The observed past of one series, oldest first, as a model sees it: finite values only (the
 * engine cleans missing and censored points before a model is called).
 *
 * @param values   observations, oldest first
 * @param firstDay the date of {@code values[0]} for daily series; empty for undated series (M4)
 */
public record History(double[] values, Optional<LocalDate> firstDay) {
    public History {
        values = values.clone();
        firstDay = firstDay == null ? Optional.empty() : firstDay;
    }

    /** An undated series. */
    public static History of(double... values) {
        return new History(values, Optional.empty());
    }

    /** A daily series starting on {@code firstDay}. */
    public static History daily(LocalDate firstDay, double... values) {
        return new History(values, Optional.of(firstDay));
    }

    public int length() {
        return values.length;
    }

    /** The value at {@code index} without copying the array. */
    public double at(int index) {
        return values[index];
    }

    /** The first {@code length} points: the history as it was at an earlier origin. */
    public History truncate(int length) {
        double[] head = new double[length];
        System.arraycopy(values, 0, head, 0, length);
        return new History(head, firstDay);
    }

    /** The last {@code length} points (all when shorter): recent history for the per-series models. */
    public History tail(int length) {
        if (length >= values.length) {
            return this;
        }
        double[] recent = new double[length];
        System.arraycopy(values, values.length - length, recent, 0, length);
        return new History(recent, firstDay.map(d -> d.plusDays(values.length - length)));
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
