package com.quanyu.forecast.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemandSeriesBuilderTest {
    private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

    @Test
    void sumsPerDayStartsAtFirstSaleAndIgnoresDaysOutsideTheWindow() {
        SeriesKey a = SeriesKey.of("A", "S01");
        SeriesKey b = SeriesKey.of("B", "online");
        List<DemandSeries> series = new DemandSeriesBuilder(D1, D1.plusDays(9))
                .add(D1.plusDays(2), a, 2)
                .add(D1.plusDays(2), a, 3)
                .add(D1.plusDays(5), a, 1)
                .add(D1.plusDays(10), a, 100) // the future: outside the window
                .add(D1.minusDays(1), a, 100) // before the window
                .add(D1, b, 4)
                .build(Map.of(a, Set.of(D1.plusDays(4), D1.plusDays(30))));
        assertEquals(2, series.size());
        DemandSeries sa =
                series.stream().filter(s -> s.key().equals(a)).findFirst().orElseThrow();
        assertEquals(D1.plusDays(2), sa.firstDay());
        assertArrayEquals(new double[] {5, 0, 0, 1, 0, 0, 0, 0}, sa.units());
        assertTrue(sa.stockOut()[2]);
        assertTrue(Double.isNaN(sa.toHistory().at(2)), "a stock-out day is censored, not zero demand");
        assertEquals(D1.plusDays(9), sa.lastDay());
        assertArrayEquals(new double[] {0, 5, 0}, sa.unitsBetween(D1.plusDays(1), D1.plusDays(3)));
    }
}
