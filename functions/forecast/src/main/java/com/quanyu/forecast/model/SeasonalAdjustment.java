package com.quanyu.forecast.model;

/**
 * Classical decomposition seasonal indices, applied only when the autocorrelation at lag
 * {@code m} is significant at 90 % (the test the M4 benchmarks use). Multiplicative for positive
 * series, additive otherwise (demand series have zeros).
 */
final class SeasonalAdjustment {
    private final int m;
    private final double[] index;
    private final boolean multiplicative;

    private SeasonalAdjustment(int m, double[] index, boolean multiplicative) {
        this.m = m;
        this.index = index;
        this.multiplicative = multiplicative;
    }

    /** No adjustment. */
    static SeasonalAdjustment none() {
        return new SeasonalAdjustment(1, new double[] {0}, false);
    }

    static SeasonalAdjustment estimate(double[] y, int m) {
        if (m <= 1 || y.length < 3 * m || !seasonalByAcf(y, m)) {
            return none();
        }
        boolean multiplicative = true;
        for (double v : y) {
            if (v <= 0) {
                multiplicative = false;
                break;
            }
        }
        double[] trend = centredMovingAverage(y, m);
        double[] sums = new double[m];
        int[] counts = new int[m];
        for (int t = 0; t < y.length; t++) {
            if (!Double.isNaN(trend[t])) {
                double ratio = multiplicative ? y[t] / trend[t] : y[t] - trend[t];
                sums[t % m] += ratio;
                counts[t % m]++;
            }
        }
        double[] index = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            index[i] = counts[i] == 0 ? (multiplicative ? 1 : 0) : sums[i] / counts[i];
            mean += index[i] / m;
        }
        for (int i = 0; i < m; i++) {
            index[i] = multiplicative ? index[i] / mean : index[i] - mean;
        }
        return new SeasonalAdjustment(m, index, multiplicative);
    }

    static boolean seasonalByAcf(double[] y, int m) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double denominator = 0;
        for (double v : y) {
            denominator += (v - mean) * (v - mean);
        }
        if (denominator <= 0) {
            return false;
        }
        double sumSquares = 0;
        double acfM = 0;
        for (int lag = 1; lag <= m; lag++) {
            double c = 0;
            for (int t = lag; t < n; t++) {
                c += (y[t] - mean) * (y[t - lag] - mean);
            }
            double r = c / denominator;
            if (lag < m) {
                sumSquares += r * r;
            } else {
                acfM = r;
            }
        }
        double limit = 1.645 * Math.sqrt((1 + 2 * sumSquares) / n);
        return Math.abs(acfM) > limit;
    }

    private static double[] centredMovingAverage(double[] y, int m) {
        double[] out = new double[y.length];
        java.util.Arrays.fill(out, Double.NaN);
        int half = m / 2;
        for (int t = half; t < y.length - half; t++) {
            double sum = 0;
            if (m % 2 == 1) {
                for (int j = -half; j <= half; j++) {
                    sum += y[t + j];
                }
                out[t] = sum / m;
            } else {
                for (int j = -half; j <= half; j++) {
                    double weight = Math.abs(j) == half ? 0.5 : 1.0;
                    sum += weight * y[t + j];
                }
                out[t] = sum / m;
            }
        }
        return out;
    }

    boolean active() {
        return m > 1;
    }

    /** The series with the seasonal component removed. */
    double[] adjust(double[] y) {
        double[] out = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double s = index[t % m];
            out[t] = multiplicative ? y[t] / s : y[t] - s;
        }
        return out;
    }

    /** Puts the seasonal component back on forecasts for the steps after a history of length n. */
    double[] restore(double[] forecast, int n) {
        double[] out = new double[forecast.length];
        for (int h = 0; h < forecast.length; h++) {
            double s = index[(n + h) % m];
            out[h] = multiplicative ? forecast[h] * s : forecast[h] + s;
        }
        return out;
    }
}
