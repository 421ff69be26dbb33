package com.quanyu.forecast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrostonTest {
    @Test
    void forecastsTheDemandRateOfARegularIntermittentSeries() {
        double[] y = new double[90];
        for (int t = 2; t < y.length; t += 3) {
            y[t] = 6; // 6 units every third day: a rate of 2 per day
        }
        double classic = Croston.classic().forecast(History.of(y), 1)[0];
        double sba = Croston.sba().forecast(History.of(y), 5)[4];
        assertEquals(2.0, classic, 0.05);
        assertTrue(sba < classic && sba > 2.0 * 0.8, "SBA shrinks the rate by (1 - alpha/2): " + sba);
    }

    @Test
    void nothingSoldForecastsZero() {
        assertArrayEquals(new double[3], Croston.sba().forecast(History.of(0, 0, 0, 0), 3));
    }
}
