package com.quanyu.eval.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.model.GlobalConfig;
import com.quanyu.forecast.model.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldoutEvaluationTest {
    private static Path resource(String name) throws Exception {
        return Path.of(HoldoutEvaluationTest.class.getResource("/" + name).toURI());
    }

    @Test
    void readsRaggedM4Files() throws Exception {
        Map<String, double[]> train = M4Data.read(resource("m4-mini-train.csv"));
        assertEquals(25, train.get("T1").length);
        assertEquals(20, train.get("T2").length, "empty padding cells are not values");
        assertArrayEquals(
                new double[] {35, 36, 37},
                M4Data.read(resource("m4-mini-test.csv")).get("T1"));
    }

    @Test
    void forecastsAreUnchangedWhenTheTestPeriodIsAltered() {
        List<History> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        List<double[]> altered = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            double[] y = new double[80 + s];
            for (int t = 0; t < y.length; t++) {
                y[t] = 100 + s + 3 * Math.sin(t / 3.0 + s) + 0.2 * t;
            }
            train.add(History.of(y));
            double[] future = new double[6];
            double[] other = new double[6];
            for (int h = 0; h < 6; h++) {
                future[h] = y[y.length - 1] + h;
                other[h] = future[h] * (s % 2 == 0 ? 10 : -3);
            }
            test.add(future);
            altered.add(other);
        }
        EngineConfig config = EngineConfig.builder()
                .horizon(6)
                .period(1)
                .masePeriod(1)
                .backtestOrigins(3)
                .backtestStep(6)
                .global(GlobalConfig.undated(6, 1))
                .keepCandidates(true)
                .build();
        var original = HoldoutEvaluation.evaluate(train, test, config);
        var changed = HoldoutEvaluation.evaluate(train, altered, config);
        for (int i = 0; i < train.size(); i++) {
            assertArrayEquals(original.forecasts().get(i), changed.forecasts().get(i), "series " + i);
        }
        // and the scores do see the change, so the test could fail
        assertNotEquals(
                original.scores().get("all").get(HoldoutEvaluation.SHIPPED).mase(),
                changed.scores().get("all").get(HoldoutEvaluation.SHIPPED).mase());
        assertTrue(original.scores().get("smooth").containsKey("theta"));
    }
}
