package com.quanyu.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.model.History;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Series the models cannot fit get a fallback and a reason, never an exception or a NaN. */
class DegenerateSeriesTest {
    private static final EngineConfig CONFIG = EngineConfig.builder()
            .horizon(7)
            .period(7)
            .masePeriod(7)
            .minHistory(21)
            .nonNegative(true)
            .backtestOrigins(2)
            .backtestStep(7)
            .build();

    private static SeriesForecast only(History history) {
        List<History> input = new ArrayList<>();
        input.add(history);
        SeriesForecast f = new ForecastEngine(CONFIG).run(input).forecasts().get(0);
        assertEquals(7, f.point().length);
        for (double[] values : List.of(f.point(), f.lower80(), f.upper80(), f.lower95(), f.upper95())) {
            for (double v : values) {
                assertTrue(Double.isFinite(v) && v >= 0, "finite, non-negative: " + Arrays.toString(values));
            }
        }
        return f;
    }

    @Test
    void emptyHistory() {
        SeriesForecast f = only(History.of());
        assertEquals("fallback-zero", f.model());
        assertTrue(f.notes().contains("no_history"));
    }

    @Test
    void nullHistoryIsTreatedAsEmpty() {
        List<History> input = new ArrayList<>();
        input.add(null);
        SeriesForecast f = new ForecastEngine(CONFIG).run(input).forecasts().get(0);
        assertTrue(f.notes().contains("no_history"));
    }

    @Test
    void allMissing() {
        SeriesForecast f = only(History.of(Double.NaN, Double.NaN));
        assertTrue(f.notes().contains("no_observed_values"));
    }

    @Test
    void allZeros() {
        SeriesForecast f = only(History.of(new double[60]));
        assertEquals("fallback-zero", f.model());
        assertTrue(f.notes().contains("all_zero"));
        assertEquals(0, f.total(7));
    }

    @Test
    void singlePoint() {
        SeriesForecast f = only(History.of(4));
        assertEquals("fallback-mean", f.model());
        assertTrue(f.notes().contains("single_observation"));
        assertEquals(4, f.point()[6], 1e-9);
        assertTrue(f.upper95()[0] > 4, "some uncertainty around a single point");
    }

    @Test
    void shortHistoryUsesTheRecentMean() {
        SeriesForecast f = only(History.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertTrue(f.notes().contains("short_history"));
        assertEquals(7, f.point()[0], 1e-9); // mean of the last 7 values (4..10)
    }

    @Test
    void negativeAndMissingValuesAreRepairedAndSaid() {
        double[] y = new double[70];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + (t % 7 == 5 ? 6 : 0);
        }
        y[20] = -3; // a return booked as negative demand
        y[33] = Double.NaN; // a stock-out day
        y[0] = Double.NaN; // leading gap
        SeriesForecast f = only(History.of(y));
        assertFalse(f.isFallback());
        assertTrue(
                f.notes().stream().anyMatch(n -> n.startsWith("clipped 1 negative")),
                f.notes().toString());
        assertTrue(
                f.notes().stream().anyMatch(n -> n.startsWith("imputed 1 missing")),
                f.notes().toString());
        assertTrue(
                f.notes().stream().anyMatch(n -> n.startsWith("dropped 1 leading")),
                f.notes().toString());
    }

    @Test
    void infiniteValuesCountAsMissing() {
        double[] y = new double[40];
        Arrays.fill(y, 5);
        y[10] = Double.POSITIVE_INFINITY;
        SeriesForecast f = only(History.of(y));
        assertEquals(5, f.point()[0], 0.5);
    }
}
