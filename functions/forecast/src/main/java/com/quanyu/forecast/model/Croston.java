package com.quanyu.forecast.model;

/**
 * Croston's method for intermittent demand with the Syntetos-Boylan bias correction (SBA):
 * smooths the non-zero demand sizes and the intervals between them separately and forecasts the
 * demand rate {@code (1 - alpha/2) * size / interval}, flat over the horizon. The smoothing
 * constant is chosen from a small grid by in-sample one-step squared error.
 */
public final class Croston implements Forecaster {
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3};

    private final boolean biasCorrected;

    private Croston(boolean biasCorrected) {
        this.biasCorrected = biasCorrected;
    }

    /** Croston with the Syntetos-Boylan approximation (the default for intermittent series). */
    public static Croston sba() {
        return new Croston(true);
    }

    /** Croston's original (biased upwards) method. */
    public static Croston classic() {
        return new Croston(false);
    }

    @Override
    public String name() {
        return biasCorrected ? "sba" : "croston";
    }

    @Override
    public double[] forecast(History history, int horizon) {
        double[] y = history.values();
        double bestError = Double.POSITIVE_INFINITY;
        double bestRate = 0;
        for (double alpha : ALPHAS) {
            double[] run = run(y, alpha);
            if (run[1] < bestError) {
                bestError = run[1];
                bestRate = run[0];
            }
        }
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, bestRate);
        return out;
    }

    /** @return {final rate, in-sample squared error} */
    private double[] run(double[] y, double alpha) {
        int nonZero = 0;
        int first = -1;
        for (int t = 0; t < y.length; t++) {
            if (y[t] > 0) {
                nonZero++;
                if (first < 0) {
                    first = t;
                }
            }
        }
        if (nonZero == 0) {
            return new double[] {0, 0};
        }
        double correction = biasCorrected ? 1 - alpha / 2 : 1;
        double size = y[first];
        double interval = (double) y.length / nonZero;
        int sinceLast = 0;
        double error = 0;
        for (int t = first + 1; t < y.length; t++) {
            double rate = correction * size / interval;
            error += (y[t] - rate) * (y[t] - rate);
            sinceLast++;
            if (y[t] > 0) {
                size += alpha * (y[t] - size);
                interval += alpha * (sinceLast - interval);
                sinceLast = 0;
            }
        }
        return new double[] {correction * size / interval, error};
    }
}
