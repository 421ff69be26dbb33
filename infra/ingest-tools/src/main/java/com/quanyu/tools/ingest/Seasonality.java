package com.quanyu.tools.ingest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.SplittableRandom;

/**
 * Demand shape of a Chinese e-commerce brand: weekends busier, the big shopping festivals
 * (Singles' Day 11.11, 618, Double 12) and Christmas week spiking, evenings busiest.
 */
final class Seasonality {
    private static final double[] HOURS = {
        0.8, 0.4, 0.2, 0.1, 0.1, 0.2, 0.6, 1.2, 1.8, 2.0, 2.2, 2.6, 3.2, 2.8, 2.2, 2.2, 2.4, 2.8, 3.2, 4.0, 4.8, 5.2,
        4.2, 2.0
    };
    private static final double HOUR_TOTAL = java.util.Arrays.stream(HOURS).sum();

    private Seasonality() {}

    /** Relative activity on a day (1.0 = an ordinary weekday). */
    static double day(LocalDate date) {
        double weekly =
                date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY ? 1.3 : 1.0;
        MonthDay md = MonthDay.from(date);
        double festival = 1.0;
        if (md.equals(MonthDay.of(11, 11))) {
            festival = 4.0;
        } else if (md.isAfter(MonthDay.of(10, 31)) && md.isBefore(MonthDay.of(11, 11))) {
            festival = 1.6;
        } else if (md.equals(MonthDay.of(6, 18))) {
            festival = 2.5;
        } else if (md.equals(MonthDay.of(12, 12))) {
            festival = 2.0;
        } else if (md.isAfter(MonthDay.of(12, 19)) && md.isBefore(MonthDay.of(12, 26))) {
            festival = 1.3;
        }
        return weekly * festival;
    }

    /** A second of the day, drawn from the daily profile. */
    static int secondOfDay(SplittableRandom random) {
        double pick = random.nextDouble() * HOUR_TOTAL;
        int hour = 0;
        while (hour < 23 && pick >= HOURS[hour]) {
            pick -= HOURS[hour++];
        }
        return hour * 3600 + random.nextInt(3600);
    }
}
