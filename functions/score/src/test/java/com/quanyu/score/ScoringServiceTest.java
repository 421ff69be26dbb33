package com.quanyu.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.ml.BinaryClassifier.Contribution;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The scores answer's hand-written JSON form against the mapper's serialisation of the record, which it replaced. */
class ScoringServiceTest {
    private static final ScoringService.Propensity LIVE = new ScoringService.Propensity(
            0.7312839481,
            "20261201T031500-a1b2",
            false,
            List.of(
                    new Contribution("orders_90d", 3.0, 0.8123),
                    new Contribution("days_since_last_event", 0.5, -0.25e-7),
                    new Contribution("revenue_90d", 1234.56789, 1.0E21),
                    new Contribution("cart_adds_7d", 0.0, -0.0),
                    new Contribution("not a number", Double.NaN, Double.POSITIVE_INFINITY)),
            "probability of an order in the next 7 days");

    private static final ScoringService.Propensity NO_MODEL =
            new ScoringService.Propensity(null, null, true, List.of(), "no propensity model is published yet");

    private static void assertWrittenAsTheMapperWritesIt(ScoringService.Scores scores) throws JsonProcessingException {
        Map<String, Object> json = scores.json();
        assertPlain(json);
        assertEquals(Json.mapper().writeValueAsString(scores), Json.write(json));
    }

    /** Only values the streaming writer writes itself: a record or an instant here would send it to the mapper. */
    private static void assertPlain(Object value) {
        switch (value) {
            case null -> {}
            case Map<?, ?> map ->
                map.forEach((key, v) -> {
                    assertTrue(key instanceof String, String.valueOf(key));
                    assertPlain(v);
                });
            case List<?> list -> list.forEach(ScoringServiceTest::assertPlain);
            default ->
                assertTrue(
                        value instanceof String
                                || value instanceof Boolean
                                || value instanceof Integer
                                || value instanceof Double,
                        value.getClass().getName());
        }
    }

    @Test
    void aScoredActiveProfilesAnswerIsTheMappersJson() throws JsonProcessingException {
        Map<String, String> models = new TreeMap<>(Map.of("segments", "v1", "rfm", "v2", "propensity", "v3"));
        assertWrittenAsTheMapperWritesIt(new ScoringService.Scores(
                "p0190f3c2a7b84e6d",
                false,
                LIVE,
                "loyal customers",
                "R5F4M4",
                13,
                0.4180000000000001,
                models,
                "2026-12-01T03:15:00.123Z"));
    }

    @Test
    void answersWithoutAModelScoresOrStringsLeaveTheirNullFieldsOut() throws JsonProcessingException {
        assertWrittenAsTheMapperWritesIt(
                new ScoringService.Scores("p-new", true, NO_MODEL, null, null, null, null, Map.of(), null));
        assertWrittenAsTheMapperWritesIt(new ScoringService.Scores(
                "p-cold",
                true,
                new ScoringService.Propensity(0.25, "v1", true, List.of(), "cold start: \"quotes\" \\ 你好 \u2028"),
                "prospects (no orders yet)",
                null,
                0,
                null,
                Map.of("segments", "v1"),
                "2026-12-01T03:15:00Z"));
        assertWrittenAsTheMapperWritesIt(
                new ScoringService.Scores(null, false, null, null, null, null, null, null, null));
    }
}
