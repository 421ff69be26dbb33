package com.quanyu.forecast.model;

/**
 * Exponential smoothing (Holt-Winters family, additive errors) with damped trend and additive
 * seasonality of period {@code m}; the variant (with or without trend, with or without season) is
 * chosen per series by AICc. Damping keeps long horizons from extrapolating a trend forever.
 */
public final class Ets implements Forecaster {
    private final int period;

    private Ets(int period) {
        this.period = Math.max(1, period);
    }

    public static Ets of(int period) {
        return new Ets(period);
    }

    @Override
    public String name() {
        return "ets";
    }

    @Override
    public double[] forecast(History history, int horizon) {
        return EtsFit.best(history.values(), period, true).forecast(horizon);
    }
}
