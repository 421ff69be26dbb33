package com.quanyu.forecast.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.accuracy.Accuracy;
import com.quanyu.forecast.model.GlobalConfig;
import com.quanyu.forecast.model.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastEngineTest {
    @Test
    void choosesPerSeriesAndCalibratesIntervalsOnBacktests() {
        Random random = new Random(7);
        List<History> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            double level = 20 + s;
            double[] y = new double[154];
            for (int t = 0; t < y.length; t++) {
                y[t] = level + (t % 7 >= 5 ? 8 : 0) + 2 * random.nextGaussian();
            }
            train.add(History.of(java.util.Arrays.copyOf(y, 140)));
            test.add(java.util.Arrays.copyOfRange(y, 140, 154));
        }
        EngineConfig config = EngineConfig.builder()
                .horizon(14)
                .period(7)
                .masePeriod(7)
                .backtestOrigins(3)
                .backtestStep(14)
                .minHistory(28)
                .global(new GlobalConfig(14, 28, new int[] {56}, 0, 7, 10_000, 5, 3L))
                .keepCandidates(true)
                .build();
        EngineRun run = new ForecastEngine(config).run(train);
        double inside80 = 0;
        double inside95 = 0;
        double mase = 0;
        double snaiveMase = 0;
        for (int i = 0; i < train.size(); i++) {
            SeriesForecast f = run.forecasts().get(i);
            for (int h = 0; h < 14; h++) {
                assertTrue(
                        f.lower95()[h] <= f.lower80()[h]
                                && f.lower80()[h] <= f.upper80()[h]
                                && f.upper80()[h] <= f.upper95()[h],
                        "nested intervals");
            }
            inside80 += Accuracy.coverage(test.get(i), f.lower80(), f.upper80());
            inside95 += Accuracy.coverage(test.get(i), f.lower95(), f.upper95());
            double scale = Accuracy.scale(train.get(i).values(), 7);
            mase += Accuracy.mase(test.get(i), f.point(), scale);
            snaiveMase += Accuracy.mase(test.get(i), f.candidates().get("snaive"), scale);
            assertTrue(f.candidates().containsKey("ets") && f.candidates().containsKey("global"));
        }
        int n = train.size();
        assertTrue(Math.abs(inside80 / n - 0.8) < 0.1, "80% interval coverage " + inside80 / n);
        assertTrue(Math.abs(inside95 / n - 0.95) < 0.06, "95% interval coverage " + inside95 / n);
        // seasonal naive carries the noise of last week (MASE about 1); the best possible is about 0.71
        assertTrue(
                mase / n < 0.85 && mase < 0.9 * snaiveMase, "mean MASE " + mase / n + " vs snaive " + snaiveMase / n);
        assertEquals(
                n, run.chosen().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(run.globalExamples() > 0 && run.globalProvenance().isPresent());
    }

    @Test
    void intermittentSeriesGetCrostonAmongTheirCandidates() {
        double[] y = new double[120];
        for (int t = 3; t < y.length; t += 5) {
            y[t] = 4;
        }
        EngineConfig config = EngineConfig.builder()
                .horizon(7)
                .period(7)
                .masePeriod(7)
                .minHistory(21)
                .nonNegative(true)
                .keepCandidates(true)
                .build();
        SeriesForecast f = new ForecastEngine(config)
                .run(List.of(History.of(y)))
                .forecasts()
                .get(0);
        assertTrue(f.candidates().containsKey("sba"), f.candidates().keySet().toString());
        assertTrue(f.total(7) > 2 && f.total(7) < 10, "about 0.8 units a day: " + f.total(7));
    }

    @Test
    void sameInputSameOutput() {
        List<History> series = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            series.add(History.of(com.quanyu.forecast.model.SyntheticSeriesAccess.noisyWeekly(100, s)));
        }
        EngineConfig config = EngineConfig.builder()
                .horizon(7)
                .period(7)
                .masePeriod(7)
                .global(GlobalConfig.undated(7, 7))
                .build();
        var a = new ForecastEngine(config).run(series);
        var b = new ForecastEngine(config).run(series);
        for (int i = 0; i < series.size(); i++) {
            assertEquals(a.forecasts().get(i).model(), b.forecasts().get(i).model());
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                    a.forecasts().get(i).point(), b.forecasts().get(i).point());
        }
    }
}
