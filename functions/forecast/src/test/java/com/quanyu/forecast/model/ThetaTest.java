package com.quanyu.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThetaTest {
    @Test
    void extrapolatesHalfTheSlopeOfALine() {
        // SES on a line tracks it (alpha -> 1) and Theta adds half the regression slope per step:
        // the defining property of the method (Hyndman and Billah 2003).
        double[] y = SyntheticSeries.line(80, 10, 4);
        double[] f = Theta.of(1).forecast(History.of(y), 10);
        double perStep = (f[9] - f[0]) / 9;
        assertEquals(2.0, perStep, 1e-6);
        assertTrue(Math.abs(f[0] - (10 + 4 * 79 + 2)) < 3.0, "starts near the last value: " + f[0]);
    }

    @Test
    void restoresMultiplicativeSeasonality() {
        double[] pattern = {0.8, 0.9, 1.0, 1.0, 1.1, 1.3, 0.9};
        double[] y = new double[140];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 * pattern[t % 7];
        }
        double[] f = Theta.of(7).forecast(History.of(y), 7);
        for (int h = 0; h < 7; h++) {
            assertEquals(100 * pattern[(140 + h) % 7], f[h], 3.0, "step " + h);
        }
    }

    @Test
    void seasonalityTestFlagsWeeklyPatternsAndRarelyWhiteNoise() {
        // a 90 % test: about 1 in 10 white-noise series is flagged; 100 fixed seeds stay well below 20
        int flagged = 0;
        for (int seed = 0; seed < 100; seed++) {
            if (SeasonalAdjustment.seasonalByAcf(SyntheticSeries.withNoise(new double[300], 1.0, seed), 7)) {
                flagged++;
            }
        }
        assertTrue(flagged < 20, "white noise flagged " + flagged + " times in 100");
        assertTrue(SeasonalAdjustment.seasonalByAcf(
                SyntheticSeries.seasonal(70, 5, new double[] {0, 0, 0, 0, 0, 4, 4}), 7));
    }
}
