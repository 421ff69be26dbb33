package com.quanyu.forecast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {
    @Test
    void reproducesAPureSeasonalSeries() {
        double[] pattern = {5, 1, 0, 2, 8, 13, 9};
        double[] y = SyntheticSeries.seasonal(70, 10, pattern);
        double[] forecast = SeasonalNaive.of(7).forecast(History.of(y), 14);
        double[] expected = SyntheticSeries.seasonal(84, 10, pattern);
        for (int h = 0; h < 14; h++) {
            assertEquals(expected[70 + h], forecast[h], 1e-12, "step " + h);
        }
    }

    @Test
    void periodOneRepeatsTheLastValueAndShortHistoriesUseWhatThereIs() {
        assertArrayEquals(new double[] {3, 3, 3}, SeasonalNaive.of(1).forecast(History.of(1, 2, 3), 3));
        assertArrayEquals(new double[] {1, 2, 1, 2}, SeasonalNaive.of(7).forecast(History.of(1, 2), 4));
        assertEquals("naive", SeasonalNaive.of(1).name());
        assertEquals("snaive", SeasonalNaive.of(7).name());
    }
}
