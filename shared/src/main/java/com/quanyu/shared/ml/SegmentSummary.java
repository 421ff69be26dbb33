package com.quanyu.shared.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the k-means segmentation found about one segment at training time: its buyers and their
 * value. Kept in the {@code segments} model's registry metrics as {@code size.<name>},
 * {@code revenue.<name>}, {@code orders.<name>} and {@code recency_days.<name>}; this record owns
 * those keys (the train job writes them, the score API reads them).
 *
 * @param name            the segment's name
 * @param customers       buyers in the segment
 * @param revenue         their total spend, or null for a model trained before it was recorded
 * @param meanOrders      their mean number of orders, or null likewise
 * @param meanRecencyDays their mean days since the last order, or null likewise
 */
public record SegmentSummary(String name, long customers, Double revenue, Double meanOrders, Double meanRecencyDays) {
    /** The registry kind of the segmentation. */
    public static final String MODEL_KIND = "segments";

    private static final String SIZE = "size.";
    private static final String REVENUE = "revenue.";
    private static final String ORDERS = "orders.";
    private static final String RECENCY = "recency_days.";

    /** This segment's entries of the model's metrics. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put(SIZE + name, (double) customers);
        if (revenue != null) {
            metrics.put(REVENUE + name, revenue);
        }
        if (meanOrders != null) {
            metrics.put(ORDERS + name, meanOrders);
        }
        if (meanRecencyDays != null) {
            metrics.put(RECENCY + name, meanRecencyDays);
        }
        return metrics;
    }

    /** The segments recorded in a model's metrics, by name. */
    public static List<SegmentSummary> fromMetrics(Map<String, Double> metrics) {
        TreeSet<String> names = new TreeSet<>();
        metrics.keySet().stream().filter(k -> k.startsWith(SIZE)).forEach(k -> names.add(k.substring(SIZE.length())));
        List<SegmentSummary> segments = new ArrayList<>();
        for (String name : names) {
            segments.add(new SegmentSummary(
                    name,
                    Math.round(metrics.get(SIZE + name)),
                    metrics.get(REVENUE + name),
                    metrics.get(ORDERS + name),
                    metrics.get(RECENCY + name)));
        }
        return segments;
    }
}
