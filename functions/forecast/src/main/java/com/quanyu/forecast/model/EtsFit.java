package com.quanyu.forecast.model;

/**
 * One fitted additive-error exponential smoothing model: level, optional damped trend, optional
 * additive seasonality (ETS(A,N,N), (A,Ad,N), (A,N,A), (A,Ad,A)). Parameters and initial states
 * are chosen by minimising the one-step sum of squared errors (the Gaussian likelihood up to a
 * constant) with a coarse grid followed by Nelder-Mead; models are compared by AICc.
 */
final class EtsFit {
    private static final double PHI_MIN = 0.80;
    private static final double PHI_MAX = 0.98;
    private static final double SMALL = 1e-4;

    private final boolean trend;
    private final boolean seasonal;
    private final int m;
    private final double scale;
    private final double[] params;
    private final double sse;
    private final int n;
    private double level;
    private double slope;
    private final double[] season;

    private EtsFit(
            boolean trend, boolean seasonal, int m, double scale, double[] params, double[] y, double[] season0) {
        this.trend = trend;
        this.seasonal = seasonal;
        this.m = m;
        this.scale = scale;
        this.params = params;
        this.n = y.length;
        this.season = season0.clone();
        this.sse = filter(y);
    }

    /** Fits the best of the allowed variants by AICc. */
    static EtsFit best(double[] y, int period, boolean allowTrend) {
        EtsFit best = fit(y, false, false, 1);
        boolean canSeason = period > 1 && y.length >= 2 * period + 2;
        if (allowTrend && y.length >= 5) {
            best = better(best, fit(y, true, false, 1));
        }
        if (canSeason) {
            best = better(best, fit(y, false, true, period));
            if (allowTrend) {
                best = better(best, fit(y, true, true, period));
            }
        }
        return best;
    }

    private static EtsFit better(EtsFit a, EtsFit b) {
        return b.aicc() < a.aicc() ? b : a;
    }

    /** Fits one variant; the series is scaled to mean absolute value 1 for a well-conditioned search. */
    static EtsFit fit(double[] raw, boolean trend, boolean seasonal, int m) {
        double scale = 0;
        for (double v : raw) {
            scale += Math.abs(v);
        }
        scale = scale > 0 ? scale / raw.length : 1.0;
        double[] y = new double[raw.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = raw[i] / scale;
        }
        double[] season0 = seasonal ? initialSeason(y, m) : new double[1];
        double[] start = initialStates(y, trend, seasonal ? season0 : null, m);
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {0.05, 0.2, 0.5, 0.8}) {
            for (double betaShare : trend ? new double[] {0.05, 0.3} : new double[] {0}) {
                for (double phi : trend ? new double[] {0.9, 0.98} : new double[] {1}) {
                    for (double gammaShare : seasonal ? new double[] {0.05, 0.3} : new double[] {0}) {
                        double[] p =
                                pack(trend, seasonal, alpha, betaShare * alpha, phi, gammaShare * (1 - alpha), start);
                        double s = sse(y, trend, seasonal, m, season0, p);
                        if (s < bestSse) {
                            bestSse = s;
                            best = p;
                        }
                    }
                }
            }
        }
        double[] step = new double[best.length];
        for (int i = 0; i < step.length; i++) {
            step[i] = 0.1;
        }
        double[] chosen =
                NelderMead.minimise(p -> sse(y, trend, seasonal, m, season0, p), best, step, 60 * best.length);
        if (!(sse(y, trend, seasonal, m, season0, chosen) < Double.MAX_VALUE)) {
            chosen = best;
        }
        return new EtsFit(trend, seasonal, m, scale, chosen, y, season0);
    }

    /** Layout: alpha, [beta, phi], [gamma], level0, [slope0]. */
    private static double[] pack(
            boolean trend, boolean seasonal, double alpha, double beta, double phi, double gamma, double[] states) {
        int size = 2 + (trend ? 3 : 0) + (seasonal ? 1 : 0);
        double[] p = new double[size];
        int i = 0;
        p[i++] = alpha;
        if (trend) {
            p[i++] = beta;
            p[i++] = phi;
        }
        if (seasonal) {
            p[i++] = gamma;
        }
        p[i++] = states[0];
        if (trend) {
            p[i] = states[1];
        }
        return p;
    }

    private static double[] initialStates(double[] y, boolean trend, double[] season, int m) {
        int k = Math.min(y.length, Math.max(m, 10));
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int t = 0; t < k; t++) {
            double v = y[t] - (season == null ? 0 : season[t % m]);
            sx += t;
            sy += v;
            sxx += (double) t * t;
            sxy += t * v;
        }
        double denominator = k * sxx - sx * sx;
        double slope = trend && denominator > 0 ? (k * sxy - sx * sy) / denominator : 0;
        double intercept = (sy - slope * sx) / k;
        return new double[] {intercept - slope, slope};
    }

    private static double[] initialSeason(double[] y, int m) {
        int cycles = Math.min(y.length / m, 3);
        double[] s = new double[m];
        for (int c = 0; c < cycles; c++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += y[c * m + i] / m;
            }
            for (int i = 0; i < m; i++) {
                s[i] += (y[c * m + i] - mean) / cycles;
            }
        }
        return s;
    }

    private static double sse(double[] y, boolean trend, boolean seasonal, int m, double[] season0, double[] p) {
        int i = 0;
        double alpha = p[i++];
        double beta = trend ? p[i++] : 0;
        double phi = trend ? p[i++] : 1;
        double gamma = seasonal ? p[i++] : 0;
        if (alpha < SMALL
                || alpha > 1 - SMALL
                || trend && (beta < SMALL * 0.1 || beta > alpha || phi < PHI_MIN || phi > PHI_MAX)
                || seasonal && (gamma < SMALL * 0.1 || gamma > 1 - alpha)) {
            return Double.MAX_VALUE;
        }
        double level = p[i++];
        double slope = trend ? p[i] : 0;
        double[] s = seasonal ? season0.clone() : null;
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double st = seasonal ? s[t % m] : 0;
            double damped = phi * slope;
            double e = y[t] - (level + damped + st);
            sum += e * e;
            level = level + damped + alpha * e;
            slope = damped + beta * e;
            if (seasonal) {
                s[t % m] = st + gamma * e;
            }
        }
        return Double.isFinite(sum) ? sum : Double.MAX_VALUE;
    }

    /** Runs the filter with the chosen parameters, keeping the final states for forecasting. */
    private double filter(double[] y) {
        int i = 0;
        double alpha = params[i++];
        double beta = trend ? params[i++] : 0;
        double phi = phi();
        if (trend) {
            i++;
        }
        double gamma = seasonal ? params[i++] : 0;
        double l = params[i++];
        double b = trend ? params[i] : 0;
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            double st = seasonal ? season[t % m] : 0;
            double damped = phi * b;
            double e = y[t] - (l + damped + st);
            sum += e * e;
            l = l + damped + alpha * e;
            b = damped + beta * e;
            if (seasonal) {
                season[t % m] = st + gamma * e;
            }
        }
        level = l;
        slope = b;
        return sum;
    }

    double alpha() {
        return params[0];
    }

    double phi() {
        return trend ? params[2] : 1;
    }

    boolean hasTrend() {
        return trend;
    }

    boolean hasSeason() {
        return seasonal;
    }

    /** The final smoothed level in the series' own units. */
    double level() {
        return level * scale;
    }

    double aicc() {
        int k = params.length + 1 + (seasonal ? m - 1 : 0);
        if (n - k - 1 <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double s = Math.max(sse, 1e-12 * n);
        return n * Math.log(s / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    double[] forecast(int horizon) {
        double[] out = new double[horizon];
        double phi = phi();
        double dampedSum = 0;
        double power = 1;
        for (int h = 1; h <= horizon; h++) {
            power *= phi;
            dampedSum += power;
            double st = seasonal ? season[(n + h - 1) % m] : 0;
            out[h - 1] = (level + dampedSum * slope + st) * scale;
        }
        return out;
    }
}
