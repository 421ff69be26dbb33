package com.quanyu.chatbot.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverse document frequencies of the kept vocabulary, and the weighting of one text's counts
 * into an L2-normalised sublinear TF-IDF vector. Features outside the vocabulary are dropped.
 */
public final class TfIdfWeights {
    private final Map<String, Double> idf;

    private TfIdfWeights(Map<String, Double> idf) {
        this.idf = Map.copyOf(idf);
    }

    public static TfIdfWeights of(Map<String, Double> idf) {
        return new TfIdfWeights(idf);
    }

    /**
     * Learns the vocabulary: features in at least {@code minDf} documents, the {@code maxFeatures}
     * most frequent of them, with smoothed idf = ln((1 + n) / (1 + df)) + 1. Concept features
     * ({@code k:}) are multiplied by {@code conceptBoost}: one concept stands for many surface forms
     * and would otherwise be drowned by the dozens of character n-grams of a sentence.
     */
    public static TfIdfWeights fit(
            Collection<Map<String, Integer>> documents, int minDf, int maxFeatures, double conceptBoost) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> doc : documents) {
            for (String feature : doc.keySet()) {
                df.merge(feature, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (var entry : df.entrySet()) {
            if (entry.getValue() >= minDf) {
                kept.add(entry);
            }
        }
        kept.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        int n = documents.size();
        Map<String, Double> idf = new HashMap<>();
        for (var entry : kept.subList(0, Math.min(maxFeatures, kept.size()))) {
            double boost = entry.getKey().startsWith("k:") ? conceptBoost : 1.0;
            idf.put(entry.getKey(), boost * (Math.log((1.0 + n) / (1.0 + entry.getValue())) + 1.0));
        }
        return new TfIdfWeights(idf);
    }

    public Map<String, Double> idf() {
        return idf;
    }

    public int size() {
        return idf.size();
    }

    /** The weighted, unit-length vector of one text's counts (possibly empty). */
    public Map<String, Double> weigh(Map<String, Integer> counts) {
        Map<String, Double> weights = new HashMap<>();
        double norm = 0;
        for (var entry : counts.entrySet()) {
            Double inverse = idf.get(entry.getKey());
            if (inverse != null) {
                double w = (1.0 + Math.log(entry.getValue())) * inverse;
                weights.put(entry.getKey(), w);
                norm += w * w;
            }
        }
        if (norm > 0) {
            double length = Math.sqrt(norm);
            weights.replaceAll((k, v) -> v / length);
        }
        return weights;
    }
}
