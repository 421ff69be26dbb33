package com.quanyu.journeys.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A journey's figures from its counters: entries, sends, deliveries, failures, opens, clicks,
 * conversions per group and the uplift of the treated over the holdout with a 95 % interval
 * (Newcombe's hybrid score interval for a difference of proportions, method 10: good at small
 * counts and rates near 0, where the Wald interval is not).
 */
public final class Measurement {
    private static final double Z = 1.959963984540054;

    private Measurement() {}

    /** The uplift of one proportion over another with its interval, in percentage points of rate. */
    public record Uplift(double treatedRate, double holdoutRate, double uplift, double low, double high) {}

    /** Figures of every version and of all versions together. */
    public static Map<String, Object> report(String journeyId, Map<Integer, Map<String, Long>> counters) {
        Map<String, Long> total = new TreeMap<>();
        counters.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Long::sum)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("journeyId", journeyId);
        out.put("total", figures(total));
        Map<String, Object> byVersion = new LinkedHashMap<>();
        counters.forEach((version, m) -> byVersion.put(Integer.toString(version), figures(m)));
        out.put("versions", byVersion);
        return out;
    }

    static Map<String, Object> figures(Map<String, Long> c) {
        Map<String, Object> out = new LinkedHashMap<>();
        long treated = c.getOrDefault("entered_treatment", 0L);
        long held = c.getOrDefault("entered_holdout", 0L);
        long convTreated = c.getOrDefault("converted_treatment", 0L);
        long convHeld = c.getOrDefault("converted_holdout", 0L);
        out.put("entered", Map.of("treatment", treated, "holdout", held));
        out.put("conversions", Map.of("treatment", convTreated, "holdout", convHeld));
        out.put("sent", c.getOrDefault("sent", 0L));
        out.put("delivered", c.getOrDefault("delivered", 0L));
        out.put("failed", c.getOrDefault("failed", 0L) + c.getOrDefault("bounced", 0L));
        out.put("opened", c.getOrDefault("opened", 0L));
        out.put("clicked", c.getOrDefault("clicked", 0L));
        out.put("skipped", c.getOrDefault("skipped", 0L));
        out.put("counters", c);
        if (treated > 0 && held > 0) {
            out.put("uplift", uplift(convTreated, treated, convHeld, held));
        }
        return out;
    }

    /** Uplift of {@code x1/n1} over {@code x2/n2} with Newcombe's 95 % interval. */
    public static Uplift uplift(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double[] w1 = wilson(x1, n1);
        double[] w2 = wilson(x2, n2);
        double d = p1 - p2;
        double low = d - Math.sqrt(Math.pow(p1 - w1[0], 2) + Math.pow(w2[1] - p2, 2));
        double high = d + Math.sqrt(Math.pow(w1[1] - p1, 2) + Math.pow(p2 - w2[0], 2));
        return new Uplift(p1, p2, d, low, high);
    }

    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
