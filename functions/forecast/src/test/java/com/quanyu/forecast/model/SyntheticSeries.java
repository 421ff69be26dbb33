package com.quanyu.forecast.model;

import java.util.Random;

/** Series with known structure for the model tests. */
final class SyntheticSeries {
    private SyntheticSeries() {}

    static double[] seasonal(int n, double level, double[] pattern) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + pattern[t % pattern.length];
        }
        return y;
    }

    static double[] line(int n, double intercept, double slope) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = intercept + slope * t;
        }
        return y;
    }

    static double[] withNoise(double[] y, double sd, long seed) {
        Random random = new Random(seed);
        double[] out = y.clone();
        for (int t = 0; t < out.length; t++) {
            out[t] += sd * random.nextGaussian();
        }
        return out;
    }
}
