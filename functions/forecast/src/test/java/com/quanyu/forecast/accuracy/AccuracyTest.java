package com.quanyu.forecast.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.SeriesKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void smapeMaseAndBiasByHand() {
        double[] actual = {10, 20, 0};
        double[] forecast = {12, 15, 0};
        // sMAPE = 100/3 * (2*2/22 + 2*5/35 + 0)
        assertEquals(100.0 / 3 * (4.0 / 22 + 10.0 / 35), Accuracy.smape(actual, forecast), 1e-12);
        // MASE: MAE 7/3 over in-sample naive MAE of {1, 3, 2, 6} = (2 + 1 + 4) / 3
        double scale = Accuracy.scale(new double[] {1, 3, 2, 6}, 1);
        assertEquals(7.0 / 3, scale, 1e-12);
        assertEquals(1.0, Accuracy.mase(actual, forecast, scale), 1e-12);
        assertEquals(-3.0 / 30, Accuracy.bias(actual, forecast), 1e-12);
        assertEquals(2.0 / 3, Accuracy.coverage(actual, new double[] {9, 21, 0}, new double[] {11, 22, 0}), 1e-12);
    }

    @Test
    void scaleNeverZero() {
        assertEquals(5, Accuracy.scale(new double[] {5, 5, 5}, 1), 1e-12);
        assertEquals(1, Accuracy.scale(new double[] {0, 0}, 1), 1e-12);
        assertEquals(2, Accuracy.scale(new double[] {1, 3}, 7), 1e-12); // shorter than the season: lag 1
    }

    @Test
    void tracksAPastRunAgainstWhatSold() {
        LocalDate origin = LocalDate.of(2026, 11, 20);
        SeriesKey a = SeriesKey.of("A", "S01");
        SeriesKey gone = SeriesKey.of("B", "online");
        List<PastForecast> past = List.of(
                new PastForecast(a, origin, "ets", new double[] {2, 2, 2, 2, 2, 2, 2, 2}, 1.0),
                new PastForecast(gone, origin, "sba", new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 0.5));
        double[] sold = new double[30];
        java.util.Arrays.fill(sold, 3);
        DemandSeries actual = new DemandSeries(a, LocalDate.of(2026, 11, 1), sold, new boolean[30]);
        AccuracyReport report = AccuracyTracker.score(past, Map.of(a, actual), origin.plusDays(9), 7)
                .orElseThrow();
        assertEquals(7, report.days());
        assertEquals(2, report.overall().series());
        assertEquals(1.0, report.byModel().get("ets").mase(), 1e-12); // |3-2| / 1
        assertEquals(-1.0 / 3, report.byModel().get("ets").bias(), 1e-12);
        assertEquals(2.0, report.byModel().get("sba").mase(), 1e-12); // nothing sold: |0-1| / 0.5
        assertEquals(1.0, report.byModel().get("sba").bias(), 1e-12);
        assertEquals((7 * 2 - 7 * 3 + 7) / 21.0, report.overall().bias(), 1e-12);
        assertEquals(true, AccuracyTracker.score(past, Map.of(), origin, 7).isEmpty(), "no day over yet");
    }
}
