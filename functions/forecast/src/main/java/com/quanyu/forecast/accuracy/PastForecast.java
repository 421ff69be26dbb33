package com.quanyu.forecast.accuracy;

import com.quanyu.forecast.series.SeriesKey;
import java.time.LocalDate;

/**
 * A forecast as it was issued, kept in the history to be scored once the days it covers are over.
 *
 * @param key    SKU and location
 * @param origin the last day of data the forecast was made from; {@code point[0]} is the day after
 * @param model  the method that made it
 * @param point  point forecast per day
 * @param scale  the series' in-sample naive MAE at the time (the MASE unit)
 */
public record PastForecast(SeriesKey key, LocalDate origin, String model, double[] point, double scale) {
    public PastForecast {
        point = point.clone();
    }

    @Override
    public double[] point() {
        return point.clone();
    }
}
