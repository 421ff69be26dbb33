package com.quanyu.shared.ml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one trained model version, stored as {@code metadata.json} beside the
 * artifact in the registry.
 *
 * @param kind          the model family, e.g. {@code propensity}
 * @param version       sortable version id (creation time plus a random suffix)
 * @param algorithm     what was trained, e.g. "logistic regression (Tribuo LinearSGD)"
 * @param createdAt     when the version was trained
 * @param codeVersion   version of the code that trained it
 * @param data          the training data: source, time range, row counts
 * @param features      feature names, in the order the model reads them
 * @param metrics       held-out metrics, e.g. {@code auc_roc}
 * @param primaryMetric the metric the gate compares (higher is better)
 * @param gate          the gate decision against the live version at publication time
 * @param provenance    Tribuo provenance of the model (or a description of the plain-Java trainer)
 * @param parameters    model-specific values needed to serve it (feature baselines, thresholds)
 * @param artifactBytes size of the stored artifact
 * @param artifactSha256 checksum of the stored artifact, verified on load
 */
public record ModelMetadata(
        String kind,
        String version,
        String algorithm,
        Instant createdAt,
        String codeVersion,
        TrainingData data,
        List<String> features,
        Map<String, Double> metrics,
        String primaryMetric,
        GateDecision gate,
        String provenance,
        Map<String, Double> parameters,
        long artifactBytes,
        String artifactSha256) {
    public ModelMetadata {
        features = features == null ? List.of() : List.copyOf(features);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The held-out value of the primary metric, or NaN when it was not measured. */
    public double primaryMetricValue() {
        return metrics.getOrDefault(primaryMetric, Double.NaN);
    }

    /** A copy carrying the gate decision and the stored artifact's size and checksum. */
    public ModelMetadata published(GateDecision decision, long bytes, String sha256) {
        return new ModelMetadata(
                kind,
                version,
                algorithm,
                createdAt,
                codeVersion,
                data,
                features,
                metrics,
                primaryMetric,
                decision,
                provenance,
                parameters,
                bytes,
                sha256);
    }

    /**
     * The data a model was trained and evaluated on.
     *
     * @param source    where it came from, e.g. {@code s3://lake/events/} or a file
     * @param from      earliest event time used (inclusive), or null
     * @param to        latest event time used (exclusive), or null
     * @param trainRows rows used for fitting
     * @param testRows  held-out rows used for the metrics
     */
    public record TrainingData(String source, Instant from, Instant to, long trainRows, long testRows) {}
}
