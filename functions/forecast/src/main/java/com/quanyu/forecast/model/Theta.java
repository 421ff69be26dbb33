package com.quanyu.forecast.model;

/**
 * The Theta method (Assimakopoulos and Nikolopoulos 2000) in the form of Hyndman and Billah
 * (2003): simple exponential smoothing plus half the slope of the linear trend, on the seasonally
 * adjusted series. The M4 competition's standard benchmark.
 */
public final class Theta implements Forecaster {
    private final int period;

    private Theta(int period) {
        this.period = Math.max(1, period);
    }

    public static Theta of(int period) {
        return new Theta(period);
    }

    @Override
    public String name() {
        return "theta";
    }

    @Override
    public double[] forecast(History history, int horizon) {
        double[] raw = history.values();
        int n = raw.length;
        SeasonalAdjustment seasonal = SeasonalAdjustment.estimate(raw, period);
        double[] y = seasonal.adjust(raw);
        EtsFit ses = EtsFit.fit(y, false, false, 1);
        double[] out = ses.forecast(horizon);
        double slope = linearSlope(y);
        double alpha = ses.alpha();
        double drift = (1 - Math.pow(1 - alpha, n)) / alpha;
        for (int h = 0; h < horizon; h++) {
            out[h] += slope / 2 * (h + drift);
        }
        return seasonal.restore(out, n);
    }

    static double linearSlope(double[] y) {
        int n = y.length;
        if (n < 2) {
            return 0;
        }
        double meanT = (n - 1) / 2.0;
        double meanY = 0;
        for (double v : y) {
            meanY += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - meanT) * (y[t] - meanY);
            sxx += (t - meanT) * (t - meanT);
        }
        return sxy / sxx;
    }
}
