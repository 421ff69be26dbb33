package com.quanyu.forecast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.calendar.CalendarEvent;
import com.quanyu.forecast.calendar.DemandCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalRegressionTest {
    private static final double[] WEEK = {0.6, 0.8, 0.9, 1.0, 1.1, 1.5, 1.1};

    @Test
    void learnsAWeeklyShapeSharedBySeriesOfDifferentSizes() {
        List<History> train = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            double level = 5 + 10 * s;
            double[] y = new double[200];
            for (int t = 0; t < y.length; t++) {
                y[t] = level * WEEK[t % 7];
            }
            train.add(History.of(SyntheticSeries.withNoise(y, level * 0.02, s)));
        }
        GlobalConfig config = new GlobalConfig(7, 14, new int[] {28}, 0, 7, 20_000, 20, 1L);
        GlobalRegression model = GlobalRegression.train(train, config, null).orElseThrow();
        double level = 123; // a size no training series had
        double[] y = new double[100];
        for (int t = 0; t < y.length; t++) {
            y[t] = level * WEEK[t % 7];
        }
        double[] f = model.forecast(History.of(y), 7);
        for (int h = 0; h < 7; h++) {
            assertEquals(level * WEEK[(100 + h) % 7], f[h], level * 0.1, "step " + h);
        }
    }

    @Test
    void usesFestivalFlagsFromTheCalendar() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        List<CalendarEvent> festivals = new ArrayList<>();
        for (LocalDate d = start.plusDays(10); d.isBefore(start.plusDays(430)); d = d.plusDays(23)) {
            festivals.add(CalendarEvent.of("sale", CalendarEvent.Kind.PROMOTION, d, d));
        }
        DemandCalendar calendar = DemandCalendar.of(festivals);
        List<History> train = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            double[] y = new double[400];
            for (int t = 0; t < y.length; t++) {
                y[t] = (10 + s) * (calendar.is(start.plusDays(t), CalendarEvent.Kind.PROMOTION) ? 3 : 1);
            }
            train.add(History.daily(start, y));
        }
        GlobalConfig config = new GlobalConfig(7, 14, new int[] {28}, 0, 7, 20_000, 20, 1L);
        GlobalRegression model = GlobalRegression.train(train, config, calendar).orElseThrow();
        // origin day 400 -> next promotion at day 10 + 23 * 17 = 401, i.e. step 2
        double[] f = model.forecast(train.get(0).truncate(400), 7);
        assertTrue(f[1] > 2 * f[3], "promotion day lifted: " + java.util.Arrays.toString(f));
    }

    @Test
    void nothingToTrainOnIsEmptyNotAnError() {
        GlobalConfig config = GlobalConfig.undated(13, 1);
        assertTrue(GlobalRegression.train(List.of(History.of(1, 2, 3)), config, null)
                .isEmpty());
    }
}
