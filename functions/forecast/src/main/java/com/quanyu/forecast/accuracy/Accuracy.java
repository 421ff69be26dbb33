package com.quanyu.forecast.accuracy;

/**
 * Forecast accuracy measures as the M4 competition defines them: sMAPE (in percent, 0 to 200),
 * MASE (mean absolute error divided by the in-sample mean absolute error of the seasonal naive
 * method with period m), and bias (total over- or under-forecast relative to total actuals).
 */
public final class Accuracy {
    private Accuracy() {}

    /**
     * The MASE denominator: mean |y[t] - y[t-m]| over the history. When that is zero (a constant
     * series), the mean absolute value, and 1 for an all-zero series, so that scaled errors stay finite.
     */
    public static double scale(double[] history, int m) {
        int lag = history.length > m ? m : 1;
        double sum = 0;
        int count = 0;
        for (int t = lag; t < history.length; t++) {
            sum += Math.abs(history[t] - history[t - lag]);
            count++;
        }
        if (count > 0 && sum > 0) {
            return sum / count;
        }
        double level = 0;
        for (double v : history) {
            level += Math.abs(v);
        }
        return level > 0 ? level / history.length : 1.0;
    }

    /** Symmetric MAPE in percent; steps where actual and forecast are both zero count as 0. */
    public static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            double denominator = Math.abs(actual[h]) + Math.abs(forecast[h]);
            sum += denominator == 0 ? 0 : 2 * Math.abs(actual[h] - forecast[h]) / denominator;
        }
        return 100 * sum / actual.length;
    }

    /** Mean absolute scaled error against a precomputed {@link #scale}. */
    public static double mase(double[] actual, double[] forecast, double scale) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            sum += Math.abs(actual[h] - forecast[h]);
        }
        return sum / actual.length / scale;
    }

    /** (total forecast - total actual) / total |actual|: positive means over-forecasting; 0 when nothing sold and nothing forecast. */
    public static double bias(double[] actual, double[] forecast) {
        double difference = 0;
        double total = 0;
        for (int h = 0; h < actual.length; h++) {
            difference += forecast[h] - actual[h];
            total += Math.abs(actual[h]);
        }
        if (total == 0) {
            return difference == 0 ? 0 : Math.signum(difference);
        }
        return difference / total;
    }

    /** Share of actuals inside [lower, upper]. */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int inside = 0;
        for (int h = 0; h < actual.length; h++) {
            if (actual[h] >= lower[h] && actual[h] <= upper[h]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }
}
