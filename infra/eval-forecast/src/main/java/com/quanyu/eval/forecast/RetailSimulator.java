package com.quanyu.eval.forecast;

import com.quanyu.forecast.calendar.CalendarEvent;
import com.quanyu.forecast.calendar.DemandCalendar;
import com.quanyu.forecast.series.SeriesKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic retail demand simulator with known true demand, for evaluating forecasts where
 * the truth is otherwise unobservable. Per SKU x location (the online warehouse and stores):
 * a base rate (a third of the SKUs slow movers, so intermittent), weekly pattern (stores busy at
 * weekends, online mid-week), yearly seasonality, the festivals of the Chinese calendar (618,
 * Double 11 with pre-sales, Spring Festival), brand-wide promotions announced in advance (in the
 * calendar), unannounced SKU promotions (noise to the forecaster), Poisson-gamma demand, and a
 * replenishment process with supplier delays that runs out of stock: sales are demand censored by
 * stock, and stock-out days (shelf empty at the end of the day) are recorded as an inventory
 * system would.
 */
public final class RetailSimulator {
    /** One simulated series: what was wanted, what sold, and when the shelf was empty. */
    public record Series(SeriesKey key, LocalDate firstDay, double[] demand, double[] sales, boolean[] stockOut) {}

    /** The simulation's output: series and the calendar a forecaster may know (holidays, planned promotions). */
    public record Result(List<Series> series, DemandCalendar calendar) {}

    private final int skus;
    private final int stores;
    private final LocalDate firstDay;
    private final int days;
    private final long seed;

    public RetailSimulator(int skus, int stores, LocalDate firstDay, int days, long seed) {
        this.skus = skus;
        this.stores = stores;
        this.firstDay = firstDay;
        this.days = days;
        this.seed = seed;
    }

    public Result run() {
        SplittableRandom root = new SplittableRandom(seed);
        List<CalendarEvent> promotions = new ArrayList<>();
        SplittableRandom promoRandom = root.split();
        for (LocalDate d = firstDay.plusDays(20);
                d.isBefore(firstDay.plusDays(days));
                d = d.plusDays(45 + promoRandom.nextInt(30))) {
            promotions.add(CalendarEvent.of("brand promotion", CalendarEvent.Kind.PROMOTION, d, d.plusDays(2)));
        }
        DemandCalendar calendar = DemandCalendar.china().with(promotions);
        List<Series> out = new ArrayList<>();
        for (int s = 0; s < skus; s++) {
            SplittableRandom skuRandom = root.split();
            boolean slow = s % 3 == 0;
            double skuRate = slow ? 0.05 + 0.4 * skuRandom.nextDouble() : 2 + 30 * Math.pow(skuRandom.nextDouble(), 2);
            double yearlyAmplitude = 0.4 * skuRandom.nextDouble();
            double yearlyPhase = 2 * Math.PI * skuRandom.nextDouble();
            double trend = (skuRandom.nextDouble() - 0.4) * 0.5 / 365;
            for (int l = 0; l <= stores; l++) {
                String location = l == 0 ? SeriesKey.ONLINE : String.format("S%02d", l);
                double share = l == 0 ? 1.0 : 0.2 + 0.5 * skuRandom.nextDouble();
                out.add(simulate(
                        SeriesKey.of("SIM-" + s, location),
                        skuRate * share,
                        yearlyAmplitude,
                        yearlyPhase,
                        trend,
                        l == 0,
                        calendar,
                        skuRandom.split()));
            }
        }
        return new Result(out, calendar);
    }

    private Series simulate(
            SeriesKey key,
            double rate,
            double yearlyAmplitude,
            double yearlyPhase,
            double trend,
            boolean online,
            DemandCalendar calendar,
            SplittableRandom random) {
        double[] demand = new double[days];
        double[] sales = new double[days];
        boolean[] stockOut = new boolean[days];
        double dispersion = 4; // gamma shape: negative binomial demand, overdispersed like real baskets
        double meanDaily = rate;
        double stock = meanDaily * 14 + 5;
        double pipeline = 0;
        int arrival = -1;
        int secretPromotionUntil = -1;
        for (int t = 0; t < days; t++) {
            LocalDate day = firstDay.plusDays(t);
            double level = rate
                    * (1 + trend * t)
                    * (1 + yearlyAmplitude * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.25 + yearlyPhase));
            level *= weekly(day.getDayOfWeek(), online);
            level *= festival(day, calendar, online);
            if (secretPromotionUntil < t && random.nextDouble() < 0.01) {
                secretPromotionUntil = t + 2 + random.nextInt(3);
            }
            if (t <= secretPromotionUntil) {
                level *= 1.8;
            }
            double wanted = poissonGamma(Math.max(level, 0), dispersion, random);
            demand[t] = wanted;
            if (t == arrival) {
                stock += pipeline;
                pipeline = 0;
            }
            sales[t] = Math.min(wanted, stock);
            stock -= sales[t];
            // what an inventory system sees: the shelf was empty at the end of the day, wanted or not
            stockOut[t] = stock <= 0;
            // weekly review, order up to three weeks of the base rate; suppliers are sometimes late
            if (day.getDayOfWeek() == DayOfWeek.MONDAY && pipeline == 0) {
                double target = meanDaily * 21 + 5;
                if (stock < target) {
                    pipeline = Math.ceil(target - stock);
                    int lead = 4 + (random.nextDouble() < 0.15 ? 10 + random.nextInt(10) : random.nextInt(3));
                    arrival = t + lead;
                }
            }
        }
        return new Series(key, firstDay, demand, sales, stockOut);
    }

    private static double weekly(DayOfWeek day, boolean online) {
        int d = day.getValue();
        if (online) {
            return new double[] {1.1, 1.15, 1.1, 1.0, 0.95, 0.85, 0.85}[d - 1];
        }
        return new double[] {0.8, 0.8, 0.85, 0.9, 1.1, 1.4, 1.35}[d - 1];
    }

    private static double festival(LocalDate day, DemandCalendar calendar, boolean online) {
        double factor = 1;
        if (calendar.is(day, CalendarEvent.Kind.FESTIVAL_PEAK)) {
            factor *= online ? 4.0 : 1.6;
        } else if (calendar.is(day, CalendarEvent.Kind.SHOPPING_FESTIVAL)) {
            factor *= online ? 1.3 : 1.05;
        }
        if (calendar.is(day, CalendarEvent.Kind.PUBLIC_HOLIDAY)) {
            factor *= online ? 0.7 : 1.5; // couriers pause; shoppers go to stores
        }
        if (calendar.is(day, CalendarEvent.Kind.PROMOTION)) {
            factor *= 2.0;
        }
        return factor;
    }

    /** Negative binomial as a Poisson with a gamma-distributed mean (shape {@code k}, mean {@code mean}). */
    private static double poissonGamma(double mean, double k, SplittableRandom random) {
        if (mean <= 0) {
            return 0;
        }
        double lambda = gamma(k, random) * mean / k;
        // Knuth for small means, normal approximation for large ones
        if (lambda < 30) {
            double limit = Math.exp(-lambda);
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)));
    }

    /** Marsaglia-Tsang gamma sampler (shape >= 1). */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
