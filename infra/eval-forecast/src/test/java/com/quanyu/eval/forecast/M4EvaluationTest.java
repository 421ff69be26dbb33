package com.quanyu.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class M4EvaluationTest {
    @Test
    void frequencyComesFromTheFileNameOrElseTheSeriesIds() {
        assertEquals("Hourly", M4Evaluation.frequency(Path.of("data/Hourly-train.csv"), List.of("W1")));
        assertEquals("Weekly", M4Evaluation.frequency(Path.of("weekly-sample.csv"), List.of()));
        assertEquals("Monthly", M4Evaluation.frequency(Path.of("sample.csv"), List.of("M1", "M2")));
        assertEquals("", M4Evaluation.frequency(Path.of("mixed.csv"), List.of("M1", "W2")));
        assertFalse(M4Evaluation.OFFICIAL.get("Hourly").contains("9.161"), "Hourly must not print Weekly's figures");
    }
}
