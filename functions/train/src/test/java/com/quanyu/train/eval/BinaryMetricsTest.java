package com.quanyu.train.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private static final boolean[] LABELS = {true, false, true, false, false};

    @Test
    void perfectAndReversedRankings() {
        double[] perfect = {0.9, 0.1, 0.8, 0.2, 0.3};
        assertEquals(1.0, BinaryMetrics.aucRoc(perfect, LABELS), 1e-12);
        assertEquals(1.0, BinaryMetrics.aucPr(perfect, LABELS), 1e-12);
        double[] reversed = {0.1, 0.9, 0.2, 0.8, 0.7};
        assertEquals(0.0, BinaryMetrics.aucRoc(reversed, LABELS), 1e-12);
    }

    @Test
    void knownMixedRankingAndTies() {
        // order by score: T(0.9) F(0.8) T(0.7) F F -> AP = (1/1 + 2/3) / 2
        double[] scores = {0.9, 0.8, 0.7, 0.1, 0.2};
        assertEquals((1 + 2.0 / 3) / 2, BinaryMetrics.aucPr(scores, LABELS), 1e-12);
        assertEquals(5.0 / 6, BinaryMetrics.aucRoc(scores, LABELS), 1e-12);
        double[] allTied = {0.5, 0.5, 0.5, 0.5, 0.5};
        assertEquals(0.5, BinaryMetrics.aucRoc(allTied, LABELS), 1e-12);
        assertEquals(0.4, BinaryMetrics.aucPr(allTied, LABELS), 1e-12);
        assertEquals(0.5, BinaryMetrics.precisionAt(scores, LABELS, 0.75), 1e-12);
        assertEquals(0.5, BinaryMetrics.recallAt(scores, LABELS, 0.85), 1e-12);
        assertTrue(Double.isNaN(BinaryMetrics.precisionAt(scores, LABELS, 0.95)));
    }
}
