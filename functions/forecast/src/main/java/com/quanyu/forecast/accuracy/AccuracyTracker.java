package com.quanyu.forecast.accuracy;

import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.SeriesKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores the forecasts of a past run against what actually sold on the days since, per series and
 * per method. A series with no sales in the data any more counts as zero demand.
 */
public final class AccuracyTracker {
    private AccuracyTracker() {}

    /**
     * @param past      the forecasts of one earlier run (all with the same origin)
     * @param actuals   daily sales, by key, covering at least the days scored
     * @param lastDay   the last day with complete sales
     * @param maxDays   days after the origin to score at most
     * @return empty when there is nothing to score yet
     */
    public static Optional<AccuracyReport> score(
            List<PastForecast> past, Map<SeriesKey, DemandSeries> actuals, LocalDate lastDay, int maxDays) {
        if (past.isEmpty()) {
            return Optional.empty();
        }
        LocalDate origin = past.get(0).origin();
        int days = (int) Math.min(maxDays, lastDay.toEpochDay() - origin.toEpochDay());
        if (days < 1) {
            return Optional.empty();
        }
        double[] overall = new double[5];
        Map<String, double[]> byModel = new TreeMap<>();
        for (PastForecast f : past) {
            int h = Math.min(days, f.point().length);
            if (h < 1) {
                continue;
            }
            DemandSeries series = actuals.get(f.key());
            double[] actual =
                    series == null ? new double[h] : series.unitsBetween(origin.plusDays(1), origin.plusDays(h));
            double[] forecast = java.util.Arrays.copyOf(f.point(), h);
            double scale = f.scale() > 0 ? f.scale() : 1;
            accumulate(overall, actual, forecast, scale);
            accumulate(byModel.computeIfAbsent(f.model(), k -> new double[5]), actual, forecast, scale);
        }
        Map<String, AccuracyReport.Scores> models = new TreeMap<>();
        byModel.forEach((k, v) -> models.put(k, scores(v)));
        return Optional.of(new AccuracyReport(origin, days, scores(overall), models));
    }

    /** sums: count, MASE, sMAPE, forecast minus actual, actual. */
    private static void accumulate(double[] sums, double[] actual, double[] forecast, double scale) {
        sums[0]++;
        sums[1] += Accuracy.mase(actual, forecast, scale);
        sums[2] += Accuracy.smape(actual, forecast);
        for (int i = 0; i < actual.length; i++) {
            sums[3] += forecast[i] - actual[i];
            sums[4] += actual[i];
        }
    }

    private static AccuracyReport.Scores scores(double[] s) {
        int n = (int) s[0];
        double bias = s[4] > 0 ? s[3] / s[4] : (s[3] == 0 ? 0 : Math.signum(s[3]));
        return new AccuracyReport.Scores(n, n == 0 ? Double.NaN : s[1] / n, n == 0 ? Double.NaN : s[2] / n, bias);
    }
}
