package com.quanyu.journeys.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasurementTest {
    @Test
    void newcombeIntervalMatchesThePublishedExample() {
        // Newcombe (1998), Table II example: 56/70 vs 48/80 -> difference 0.2000, 95% CI 0.0524 to 0.3339 (method 10)
        Measurement.Uplift u = Measurement.uplift(56, 70, 48, 80);
        assertEquals(0.2, u.uplift(), 1e-9);
        assertEquals(0.0524, u.low(), 5e-4);
        assertEquals(0.3339, u.high(), 5e-4);
    }

    @Test
    void zeroCountsGiveAnIntervalInsideMinusOneToOne() {
        Measurement.Uplift u = Measurement.uplift(0, 10, 0, 20);
        assertEquals(0, u.uplift(), 1e-12);
        assertTrue(u.low() < 0 && u.high() > 0 && u.low() >= -1 && u.high() <= 1);
    }
}
