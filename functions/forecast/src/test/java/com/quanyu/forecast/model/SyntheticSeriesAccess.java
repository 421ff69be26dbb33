package com.quanyu.forecast.model;

/** Synthetic series for tests in other packages. */
public final class SyntheticSeriesAccess {
    private SyntheticSeriesAccess() {}

    public static double[] noisyWeekly(int n, long seed) {
        return SyntheticSeries.withNoise(
                SyntheticSeries.seasonal(n, 30, new double[] {0, 1, 2, 3, 4, 9, 7}), 1.5, seed);
    }
}
