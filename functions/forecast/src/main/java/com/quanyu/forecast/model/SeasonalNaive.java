package com.quanyu.forecast.model;

/** Repeats the last observed season (period {@code m}); with {@code m = 1} it is the naive method. */
public final class SeasonalNaive implements Forecaster {
    private final int period;

    private SeasonalNaive(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1: " + period);
        }
        this.period = period;
    }

    public static SeasonalNaive of(int period) {
        return new SeasonalNaive(period);
    }

    @Override
    public String name() {
        return period == 1 ? "naive" : "snaive";
    }

    @Override
    public double[] forecast(History history, int horizon) {
        int n = history.length();
        int m = Math.min(period, n);
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = history.at(n - m + (h % m));
        }
        return out;
    }
}
