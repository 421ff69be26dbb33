package com.quanyu.forecast.model;

import java.util.Arrays;

/**
 * Settings of the pooled (global) regression model.
 *
 * @param horizon        steps forecast directly, one output per step
 * @param lags           recent values used as features
 * @param rollingWindows lengths of the rolling means used as features (longer than {@code lags})
 * @param seasonalLag    lag of the same point one cycle back for each target step (364 for daily
 *                       data, 0 to disable)
 * @param baseline       values averaged into the level the targets are taken relative to
 * @param maxExamples    training windows kept in total (the most recent of each series)
 * @param epochs         passes of stochastic gradient descent
 * @param seed           random seed: same data, same model
 */
public record GlobalConfig(
        int horizon,
        int lags,
        int[] rollingWindows,
        int seasonalLag,
        int baseline,
        int maxExamples,
        int epochs,
        long seed) {
    public GlobalConfig {
        if (horizon < 1 || lags < 1 || baseline < 1 || baseline > lags || maxExamples < 1 || epochs < 1) {
            throw new IllegalArgumentException("invalid global model settings");
        }
        rollingWindows = rollingWindows.clone();
    }

    /** Daily retail demand: four weeks of lags, weekly to yearly rolling means, last year's same weekday. */
    public static GlobalConfig daily(int horizon) {
        return new GlobalConfig(horizon, 28, new int[] {91, 364}, 364, 7, 60_000, 4, 17L);
    }

    /** Undated series (e.g. M4) of seasonality {@code m}. */
    public static GlobalConfig undated(int horizon, int m) {
        // a year of weekly lags (4 horizons) beat 13 and 26 on M4 Weekly's training data backtests
        int lags = Math.max(2 * Math.max(m, 1), 4 * horizon);
        return new GlobalConfig(horizon, lags, new int[] {2 * lags, 4 * lags}, 0, Math.max(m, 1), 60_000, 8, 17L);
    }

    @Override
    public int[] rollingWindows() {
        return rollingWindows.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalConfig c
                && horizon == c.horizon
                && lags == c.lags
                && seasonalLag == c.seasonalLag
                && baseline == c.baseline
                && maxExamples == c.maxExamples
                && epochs == c.epochs
                && seed == c.seed
                && Arrays.equals(rollingWindows, c.rollingWindows);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rollingWindows) * 31
                + java.util.Objects.hash(horizon, lags, seasonalLag, baseline, maxExamples, epochs, seed);
    }

    @Override
    public String toString() {
        return "GlobalConfig[horizon=" + horizon + ", lags=" + lags + ", rolling=" + Arrays.toString(rollingWindows)
                + ", seasonalLag=" + seasonalLag + ", baseline=" + baseline + ", maxExamples=" + maxExamples
                + ", epochs=" + epochs + ", seed=" + seed + "]";
    }
}
