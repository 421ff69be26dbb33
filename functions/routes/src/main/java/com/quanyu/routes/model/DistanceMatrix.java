package com.quanyu.routes.model;

import java.util.Arrays;

/**
 * A dense matrix of non-negative travel costs between nodes (node 0 is the depot). Stored flat
 * for cache-friendly access in the solver's inner loops.
 */
public final class DistanceMatrix {
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final int size;
    private final double[] values;

    private DistanceMatrix(int size, double[] values) {
        this.size = size;
        this.values = values;
    }

    /** How coordinates turn into distances. */
    public enum Metric {
        /** TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer. */
        EUC_2D_ROUNDED,
        /** Real (unrounded) Euclidean distance, TSPLIB EXACT_2D and CMT. */
        EUCLIDEAN,
        /** Great-circle distance in kilometres; x = longitude, y = latitude in degrees. */
        HAVERSINE_KM
    }

    public static DistanceMatrix fromCoordinates(double[] x, double[] y, Metric metric) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int n = x.length;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = switch (metric) {
                    case EUC_2D_ROUNDED -> Math.floor(Math.hypot(x[i] - x[j], y[i] - y[j]) + 0.5);
                    case EUCLIDEAN -> Math.hypot(x[i] - x[j], y[i] - y[j]);
                    case HAVERSINE_KM -> haversineKm(y[i], x[i], y[j], x[j]);
                };
                v[i * n + j] = d;
                v[j * n + i] = d;
            }
        }
        return new DistanceMatrix(n, v);
    }

    /** A supplied matrix (e.g. road distances), possibly asymmetric; rows are "from". */
    public static DistanceMatrix of(double[][] rows) {
        int n = rows.length;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                double d = rows[i][j];
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("entry [" + i + "][" + j + "] must be a finite number >= 0");
                }
                v[i * n + j] = i == j ? 0 : d;
            }
        }
        return new DistanceMatrix(n, v);
    }

    /** This matrix with every entry multiplied by {@code factor} (e.g. km to minutes). */
    public DistanceMatrix scaled(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new DistanceMatrix(size, v);
    }

    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public double get(int from, int to) {
        return values[from * size + to];
    }

    public int size() {
        return size;
    }

    /** The raw row-major values; callers must not modify them. */
    double[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistanceMatrix m && m.size == size && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
