package com.quanyu.forecast.model;

import com.quanyu.forecast.calendar.DemandCalendar;
import java.time.LocalDate;

/**
 * Turns the end of a history into the global model's feature vector, and future values into its
 * targets. Everything is divided by the window's own scale so that one model serves series of any
 * size; targets are relative to a recent baseline so that an untrained model is a naive forecast.
 * Only values before the origin are ever read.
 */
final class WindowFeatures {
    private final GlobalConfig config;
    private final DemandCalendar calendar;
    private final String[] names;

    WindowFeatures(GlobalConfig config, DemandCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
        int count = config.lags()
                + config.rollingWindows().length
                + (config.seasonalLag() > 0 ? config.horizon() : 0)
                + (calendar == null ? 0 : 7 + DemandCalendar.EVENT_FLAGS * config.horizon());
        names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = String.format("f%04d", i);
        }
    }

    String[] names() {
        return names;
    }

    /** Output dimension names, sorted as Tribuo sorts them. */
    String[] outputNames() {
        String[] out = new String[config.horizon()];
        for (int h = 0; h < out.length; h++) {
            out[h] = String.format("h%03d", h + 1);
        }
        return out;
    }

    /** The scale of the window ending before {@code origin}: mean absolute value of the lags. */
    double scale(double[] y, int origin) {
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, origin - config.lags()); i < origin; i++) {
            sum += Math.abs(y[i]);
            count++;
        }
        double scale = count == 0 ? 0 : sum / count;
        return scale > 1e-9 ? scale : 1.0;
    }

    /** The level targets are taken relative to: mean of the last {@code baseline} values. */
    double baseline(double[] y, int origin) {
        int from = Math.max(0, origin - config.baseline());
        double sum = 0;
        for (int i = from; i < origin; i++) {
            sum += y[i];
        }
        return origin == from ? 0 : sum / (origin - from);
    }

    /**
     * Features for forecasting the steps from {@code origin} on, from {@code y[0..origin)} only.
     *
     * @param firstDay the date of y[0], or null for undated series
     */
    double[] features(double[] y, int origin, LocalDate firstDay) {
        double scale = scale(y, origin);
        double[] x = new double[names.length];
        int k = 0;
        double first = y[0];
        for (int j = config.lags(); j >= 1; j--) {
            int i = origin - j;
            x[k++] = (i >= 0 ? y[i] : first) / scale;
        }
        for (int window : config.rollingWindows()) {
            int from = Math.max(0, origin - window);
            double sum = 0;
            for (int i = from; i < origin; i++) {
                sum += y[i];
            }
            x[k++] = sum / (origin - from) / scale;
        }
        if (config.seasonalLag() > 0) {
            double fallback = baseline(y, origin);
            for (int h = 0; h < config.horizon(); h++) {
                int i = origin + h - config.seasonalLag();
                x[k++] = (i >= 0 ? y[i] : fallback) / scale;
            }
        }
        if (calendar != null && firstDay != null) {
            LocalDate originDay = firstDay.plusDays(origin);
            x[k + originDay.getDayOfWeek().getValue() - 1] = 1;
            k += 7;
            for (int h = 0; h < config.horizon(); h++) {
                double[] flags = calendar.eventFlags(originDay.plusDays(h));
                System.arraycopy(flags, 0, x, k, flags.length);
                k += flags.length;
            }
        }
        return x;
    }

    /** Targets for training: the next {@code horizon} values, scaled and relative to the baseline. */
    double[] targets(double[] y, int origin) {
        double scale = scale(y, origin);
        double base = baseline(y, origin);
        double[] t = new double[config.horizon()];
        for (int h = 0; h < t.length; h++) {
            t[h] = (y[origin + h] - base) / scale;
        }
        return t;
    }

    /** Inverse of {@link #targets}. */
    double[] values(double[] predicted, double[] y, int origin) {
        double scale = scale(y, origin);
        double base = baseline(y, origin);
        double[] out = new double[predicted.length];
        for (int h = 0; h < out.length; h++) {
            out[h] = base + predicted[h] * scale;
        }
        return out;
    }
}
