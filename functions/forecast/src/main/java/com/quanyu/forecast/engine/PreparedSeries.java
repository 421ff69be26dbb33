package com.quanyu.forecast.engine;

import com.quanyu.forecast.model.History;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A raw series made safe for the models: leading gaps dropped, missing or censored points (NaN)
 * imputed, negative values clipped when demand cannot be negative, and degenerate series (empty,
 * all zero, a single point, too short) marked for a fallback with the reason.
 *
 * @param history  the cleaned history (possibly empty)
 * @param notes    what was changed, for the record
 * @param fallback why the models are skipped, when they are
 */
record PreparedSeries(History history, List<String> notes, Optional<String> fallback) {
    static PreparedSeries of(History raw, EngineConfig config) {
        List<String> notes = new ArrayList<>();
        double[] y = raw == null ? new double[0] : raw.values();
        int first = 0;
        while (first < y.length && !Double.isFinite(y[first])) {
            first++;
        }
        if (first == y.length) {
            return new PreparedSeries(
                    History.of(), notes, Optional.of(y.length == 0 ? "no_history" : "no_observed_values"));
        }
        if (first > 0) {
            notes.add("dropped " + first + " leading missing values");
        }
        double[] clean = new double[y.length - first];
        System.arraycopy(y, first, clean, 0, clean.length);
        int missing = impute(clean, config.period());
        if (missing > 0) {
            notes.add("imputed " + missing + " missing or censored values");
        }
        if (config.nonNegative()) {
            int negative = 0;
            for (int i = 0; i < clean.length; i++) {
                if (clean[i] < 0) {
                    clean[i] = 0;
                    negative++;
                }
            }
            if (negative > 0) {
                notes.add("clipped " + negative + " negative values to zero");
            }
        }
        Optional<LocalDate> start = raw.firstDay().map(d -> d.plusDays(raw.length() - clean.length));
        History history = new History(clean, start);
        return new PreparedSeries(history, notes, fallbackReason(clean, config));
    }

    private static Optional<String> fallbackReason(double[] y, EngineConfig config) {
        boolean allZero = true;
        for (double v : y) {
            if (v != 0) {
                allZero = false;
                break;
            }
        }
        if (allZero) {
            return Optional.of("all_zero");
        }
        if (y.length == 1) {
            return Optional.of("single_observation");
        }
        if (y.length < config.minHistory()) {
            return Optional.of("short_history");
        }
        return Optional.empty();
    }

    /**
     * Fills non-finite points with the mean of the observed points one and two seasons away
     * (weekday-aware for daily data), else by linear interpolation, else the last observed value.
     */
    private static int impute(double[] y, int m) {
        boolean[] missing = new boolean[y.length];
        int count = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                missing[i] = true;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double[] filled = y.clone();
        for (int i = 0; i < y.length; i++) {
            if (!missing[i]) {
                continue;
            }
            double sum = 0;
            int n = 0;
            if (m > 1) {
                for (int k : new int[] {-2 * m, -m, m, 2 * m}) {
                    int j = i + k;
                    if (j >= 0 && j < y.length && !missing[j]) {
                        sum += y[j];
                        n++;
                    }
                }
            }
            filled[i] = n > 0 ? sum / n : interpolate(y, missing, i);
        }
        System.arraycopy(filled, 0, y, 0, y.length);
        return count;
    }

    private static double interpolate(double[] y, boolean[] missing, int i) {
        int before = i - 1;
        while (before >= 0 && missing[before]) {
            before--;
        }
        int after = i + 1;
        while (after < y.length && missing[after]) {
            after++;
        }
        if (after >= y.length) {
            return y[before];
        }
        double w = (double) (i - before) / (after - before);
        return y[before] * (1 - w) + y[after] * w;
    }
}
