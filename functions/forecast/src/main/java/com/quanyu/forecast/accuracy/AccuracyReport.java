package com.quanyu.forecast.accuracy;

import java.time.LocalDate;
import java.util.Map;

/**
 * How well a past run's forecasts matched what sold.
 *
 * @param origin     the scored run's origin
 * @param days       days after the origin that were scored
 * @param overall    scores over all scored series
 * @param byModel    scores per method
 */
public record AccuracyReport(LocalDate origin, int days, Scores overall, Map<String, Scores> byModel) {
    /**
     * Mean scores over series.
     *
     * @param series series scored
     * @param mase   mean MASE
     * @param smape  mean sMAPE (percent)
     * @param bias   total forecast minus total sold, over total sold (positive = over-forecast)
     */
    public record Scores(int series, double mase, double smape, double bias) {}
}
