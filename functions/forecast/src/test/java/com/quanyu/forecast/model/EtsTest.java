package com.quanyu.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EtsTest {
    @Test
    void recoversALinearTrend() {
        double[] y = SyntheticSeries.line(60, 100, 2.5);
        EtsFit fit = EtsFit.best(y, 1, true);
        assertTrue(fit.hasTrend(), "a straight line needs the trend component");
        double[] f = Ets.of(1).forecast(History.of(y), 5);
        // damping (phi <= 0.98) bends the line slowly: the first steps follow it closely
        assertEquals(100 + 2.5 * 60, f[0], 0.5);
        assertTrue(f[4] - f[0] > 2.5 * 4 * 0.85, "trend kept: " + (f[4] - f[0]));
        assertTrue(f[4] - f[0] <= 2.5 * 4 + 1e-6, "damped, never steeper than the data");
    }

    @Test
    void aConstantSeriesGivesItsLevelWithoutTrend() {
        double[] y = new double[40];
        java.util.Arrays.fill(y, 7.0);
        double[] f = Ets.of(1).forecast(History.of(y), 10);
        for (double v : f) {
            assertEquals(7.0, v, 1e-6);
        }
    }

    @Test
    void recoversAdditiveSeasonalityAroundALevel() {
        double[] pattern = {-3, -1, 0, 1, 3, 6, -6};
        double[] y = SyntheticSeries.withNoise(SyntheticSeries.seasonal(140, 50, pattern), 0.3, 1);
        EtsFit fit = EtsFit.best(y, 7, true);
        assertTrue(fit.hasSeason(), "weekly pattern must be found");
        double[] f = Ets.of(7).forecast(History.of(y), 7);
        for (int h = 0; h < 7; h++) {
            assertEquals(50 + pattern[(140 + h) % 7], f[h], 1.0, "step " + h);
        }
    }

    @Test
    void noisyFlatSeriesIsNotGivenATrend() {
        double[] y = SyntheticSeries.withNoise(SyntheticSeries.line(200, 20, 0), 1.0, 2);
        double[] f = Ets.of(1).forecast(History.of(y), 20);
        assertEquals(20, f[19], 1.0);
        assertEquals(f[0], f[19], 0.5);
    }
}
