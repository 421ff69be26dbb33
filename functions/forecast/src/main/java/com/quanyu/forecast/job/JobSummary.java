package com.quanyu.forecast.job;

import com.quanyu.forecast.accuracy.AccuracyReport;
import com.quanyu.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one run did, returned to the scheduler and logged.
 *
 * @param origin       last day of data used
 * @param series       series forecast
 * @param methods      how many series each method (or fallback) served
 * @param suggestions  replenishment suggestions written
 * @param atRisk       suggestions per risk (stockout, overstock)
 * @param accuracy     the score of the earlier run, when there was one to score
 * @param seconds      wall time per phase
 */
public record JobSummary(
        String origin,
        int series,
        Map<String, Integer> methods,
        int suggestions,
        Map<String, Integer> atRisk,
        Optional<AccuracyReport> accuracy,
        Map<String, Double> seconds) {
    /** As plain values, for JSON (the scheduler's result and the RUN record). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("origin", origin);
        out.put("series", series);
        out.put("methods", methods);
        out.put("suggestions", suggestions);
        out.put("atRisk", atRisk);
        // plain maps: the Lambda runtime's serializer knows JavaBeans, not records
        accuracy.ifPresent(a -> out.put("accuracy", Json.mapper().convertValue(a, Map.class)));
        out.put("seconds", seconds);
        return out;
    }
}
