package com.quanyu.train.segments;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RFM quintile scoring: each dimension is scored 1 to 5 against quintile boundaries of the
 * customer base (recency reversed: recent is 5). Customers with equal values always get equal
 * scores, so heavily tied dimensions (most people order once) use fewer than five levels.
 */
public final class RfmScores {
    /** One customer's scores. */
    public record Score(int recency, int frequency, int monetary) {
        public int total() {
            return recency + frequency + monetary;
        }

        /** The conventional label, e.g. {@code R5F3M4}. */
        public String code() {
            return "R" + recency + "F" + frequency + "M" + monetary;
        }
    }

    private final double[] recencyBounds;
    private final double[] frequencyBounds;
    private final double[] monetaryBounds;

    private RfmScores(double[] recencyBounds, double[] frequencyBounds, double[] monetaryBounds) {
        this.recencyBounds = recencyBounds;
        this.frequencyBounds = frequencyBounds;
        this.monetaryBounds = monetaryBounds;
    }

    /** Quintile boundaries of {@code customers}. */
    public static RfmScores fit(List<CustomerValue> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("RFM needs at least one customer");
        }
        return new RfmScores(
                bounds(customers.stream().mapToDouble(c -> -c.recencyDays()).toArray()),
                bounds(customers.stream()
                        .mapToDouble(c -> (double) c.frequency())
                        .toArray()),
                bounds(customers.stream().mapToDouble(CustomerValue::monetary).toArray()));
    }

    public Score score(CustomerValue c) {
        return new Score(
                level(-c.recencyDays(), recencyBounds),
                level(c.frequency(), frequencyBounds),
                level(c.monetary(), monetaryBounds));
    }

    private static double[] bounds(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] bounds = new double[4];
        for (int q = 1; q <= 4; q++) {
            bounds[q - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length / 5.0))];
        }
        return bounds;
    }

    /** 1 plus the number of distinct quintile boundaries the value exceeds (ties share a level). */
    private static int level(double value, double[] bounds) {
        int level = 1;
        for (int q = 0; q < bounds.length; q++) {
            if (value > bounds[q] && (q == 0 || bounds[q] > bounds[q - 1])) {
                level++;
            }
        }
        return level;
    }

    /** The boundaries as model parameters ({@code rfm.recency.q1} ... {@code rfm.monetary.q4}), stored with the segments model. */
    public Map<String, Double> toParameters() {
        Map<String, Double> parameters = new TreeMap<>();
        put(parameters, "recency", recencyBounds);
        put(parameters, "frequency", frequencyBounds);
        put(parameters, "monetary", monetaryBounds);
        return parameters;
    }

    /** The scorer whose boundaries {@link #toParameters} stored; empty when they are not there. */
    public static Optional<RfmScores> fromParameters(Map<String, Double> parameters) {
        double[] recency = get(parameters, "recency");
        double[] frequency = get(parameters, "frequency");
        double[] monetary = get(parameters, "monetary");
        return recency == null || frequency == null || monetary == null
                ? Optional.empty()
                : Optional.of(new RfmScores(recency, frequency, monetary));
    }

    private static void put(Map<String, Double> parameters, String dimension, double[] bounds) {
        for (int q = 0; q < bounds.length; q++) {
            parameters.put("rfm." + dimension + ".q" + (q + 1), bounds[q]);
        }
    }

    private static double[] get(Map<String, Double> parameters, String dimension) {
        double[] bounds = new double[4];
        for (int q = 0; q < bounds.length; q++) {
            Double value = parameters.get("rfm." + dimension + ".q" + (q + 1));
            if (value == null) {
                return null;
            }
            bounds[q] = value;
        }
        return bounds;
    }
}
