package com.quanyu.forecast.model;

/**
 * A point-forecasting method for one series. Implementations are stateless and thread-safe: all
 * fitting happens inside {@link #forecast}, on the history given and nothing else.
 */
public interface Forecaster {
    /** A short stable name, stored with each forecast (e.g. {@code ets}). */
    String name();

    /**
     * Point forecasts for the {@code horizon} steps after the history.
     *
     * @param history at least one finite value
     * @return {@code horizon} finite values
     */
    double[] forecast(History history, int horizon);
}
