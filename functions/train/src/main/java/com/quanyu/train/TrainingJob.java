package com.quanyu.train;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.risk.OrderRiskScorers;
import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.recommend.RecommenderTraining;
import com.quanyu.train.risk.RiskTraining;
import com.quanyu.train.segments.CustomerValue;
import com.quanyu.train.segments.RfmScores;
import com.quanyu.train.segments.Segmentation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One training run: reads the feature sets of a sample of people from the lake (the SQL layer
 * computes them: {@link TrainingFeatures}), trains each requested model, passes each through the
 * gate into the registry, and, after a new segmentation, queues a batch-scoring run of every
 * profile (segment, RFM, batch propensity) fanned out over shards ({@link ScoringFanOut}).
 * A model without enough data is skipped with the reason; the others still run.
 */
public final class TrainingJob {
    public static final String SEGMENTS = com.quanyu.shared.ml.SegmentSummary.MODEL_KIND;
    public static final Set<String> ALL_MODELS =
            Set.of(PropensityTraining.KIND, RecommenderTraining.KIND, RiskTraining.KIND, SEGMENTS);

    private static final JsonLogger LOG = JsonLogger.of(TrainingJob.class);

    /** What happened to one model. */
    public record ModelReport(
            String kind, String outcome, String version, String reason, Map<String, Double> metrics, double seconds) {}

    /**
     * What a run did.
     *
     * @param scoring the batch-scoring run it queued, or null (no new segmentation, or no fan-out configured)
     */
    public record Report(
            long events, int profiles, List<ModelReport> models, ScoringFanOut.Started scoring, double seconds) {}

    private final ModelRegistry registry;
    private final Supplier<TrainingFeatures> features;
    private final Supplier<Map<String, Boolean>> fraudLabels;
    private final ScoringFanOut scoring;
    private final PropensityTraining propensity;
    private final Clock clock;
    private final String codeVersion;
    private final Gate gate;

    public TrainingJob(
            ModelRegistry registry,
            Supplier<TrainingFeatures> features,
            Supplier<Map<String, Boolean>> fraudLabels,
            ScoringFanOut scoring,
            PropensityTraining propensity,
            Clock clock,
            String codeVersion,
            double tolerance) {
        this.registry = registry;
        this.features = features;
        this.fraudLabels = fraudLabels;
        this.scoring = scoring;
        this.propensity = propensity;
        this.clock = clock;
        this.codeVersion = codeVersion;
        this.gate = new Gate(registry, tolerance);
    }

    public Report run(Set<String> kinds) {
        long start = System.nanoTime();
        TrainingFeatures events = features.get();
        TrainingFeatures.Span span = events.span();
        LOG.info("training window", "events", span.events(), "profiles", span.people(), "seconds", seconds(start));
        List<ModelReport> reports = new ArrayList<>();
        if (kinds.contains(PropensityTraining.KIND)) {
            reports.add(timed(PropensityTraining.KIND, () -> trainPropensity(events)));
        }
        if (kinds.contains(RecommenderTraining.KIND)) {
            reports.add(timed(RecommenderTraining.KIND, () -> trainRecommender(events)));
        }
        if (kinds.contains(RiskTraining.KIND)) {
            reports.add(timed(RiskTraining.KIND, () -> trainRisk(events)));
        }
        ScoringFanOut.Started scoringRun = null;
        if (kinds.contains(SEGMENTS)) {
            SegmentRun segments = segment(events);
            reports.add(segments.report());
            if (scoring != null && segments.version() != null) {
                scoringRun = scoring.start(segments.asOf(), scoringModels(registry, segments.version()));
            }
        }
        Report report = new Report(span.events(), (int) span.people(), reports, scoringRun, seconds(start));
        LOG.info("training run finished", "report", report);
        return report;
    }

    private ModelReport timed(String kind, Supplier<ModelReport> work) {
        long start = System.nanoTime();
        ModelReport r = work.get();
        return new ModelReport(r.kind(), r.outcome(), r.version(), r.reason(), r.metrics(), seconds(start));
    }

    private ModelReport trainPropensity(TrainingFeatures events) {
        var candidate =
                propensity.train(events, registry.newVersion(), codeVersion, clock.instant(), events.description());
        if (candidate.isEmpty()) {
            return skipped(PropensityTraining.KIND, "needs three weeks of history with buyers in each week");
        }
        var c = candidate.get();
        GateDecision decision = gate.check(
                PropensityTraining.KIND,
                "auc_roc",
                c.metadata().primaryMetricValue(),
                (artifact, metadata) -> BinaryClassifier.decode(artifact, metadata, PropensityTraining.BUYS),
                live -> PropensityTraining.evaluate(live, c.holdout()).get("auc_roc"));
        return published(registry.publish(c.metadata(), c.artifact(), decision));
    }

    private ModelReport trainRecommender(TrainingFeatures events) {
        var candidate = new RecommenderTraining()
                .train(events, registry.newVersion(), codeVersion, clock.instant(), events.description());
        if (candidate.isEmpty()) {
            return skipped(RecommenderTraining.KIND, "needs product interactions before and during the last week");
        }
        var c = candidate.get();
        GateDecision decision = gate.check(
                RecommenderTraining.KIND,
                "hr_at_10",
                c.metadata().primaryMetricValue(),
                (artifact, metadata) -> RecommenderModel.decode(artifact),
                live -> RecommenderTraining.evaluate(live, c.holdout())[0]);
        return published(registry.publish(c.metadata(), c.model().encode(), decision));
    }

    private ModelReport trainRisk(TrainingFeatures events) {
        RiskTraining training = new RiskTraining(OrderRiskScorers.DEFAULT_FLAG_THRESHOLD);
        var labelled = RiskTraining.labelled(events.orders(), fraudLabels.get());
        var candidate =
                training.train(labelled, registry.newVersion(), codeVersion, clock.instant(), events.description());
        if (candidate.isEmpty()) {
            return skipped(
                    RiskTraining.KIND,
                    "needs at least " + RiskTraining.MIN_FRAUD_LABELS
                            + " orders labelled fraud under labels/orders/ (have "
                            + labelled.stream()
                                    .filter(RiskTraining.LabelledOrder::fraud)
                                    .count() + ")");
        }
        var c = candidate.get();
        GateDecision decision = gate.check(
                RiskTraining.KIND,
                "auc_pr",
                c.metadata().primaryMetricValue(),
                (artifact, metadata) -> BinaryClassifier.decode(artifact, metadata, OrderRiskScorers.FRAUD_LABEL),
                live -> training.evaluate(training.scorer(live, "live"), c.holdout())
                        .get("auc_pr"));
        return published(registry.publish(c.metadata(), c.artifact(), decision));
    }

    /** The segmentation of this run (version null when skipped) and the moment its recency was measured at. */
    private record SegmentRun(ModelReport report, String version, Instant asOf) {}

    /** The model versions a scoring run uses: this segmentation and the live propensity model, if any. */
    static Map<String, String> scoringModels(ModelRegistry registry, String segmentsVersion) {
        Map<String, String> versions = new HashMap<>();
        versions.put(SEGMENTS, segmentsVersion);
        registry.live(PropensityTraining.KIND).ifPresent(p -> versions.put(PropensityTraining.KIND, p.version()));
        return versions;
    }

    private SegmentRun segment(TrainingFeatures events) {
        long start = System.nanoTime();
        TrainingFeatures.Span span = events.span();
        Instant asOf = span.last() == null ? clock.instant() : span.last();
        List<CustomerValue> buyers = span.last() == null ? List.of() : events.customerValues(asOf);
        int k = 5;
        if (buyers.size() < k * 4) {
            return new SegmentRun(
                    skipped(SEGMENTS, "needs at least " + (k * 4) + " buyers (have " + buyers.size() + ")"),
                    null,
                    asOf);
        }
        var fit = Segmentation.fit(new ArrayList<>(buyers), k, 42);
        Map<String, Double> metrics = new HashMap<>();
        fit.summaries().forEach(segment -> metrics.putAll(segment.metrics()));
        String version = registry.newVersion();
        var metadata = new ModelMetadata(
                SEGMENTS,
                version,
                "Tribuo k-means (k=5, k-means++) on standardised log RFM",
                clock.instant(),
                codeVersion,
                new ModelMetadata.TrainingData(events.description(), span.first(), asOf, buyers.size(), 0),
                List.of("log_recency", "log_frequency", "log_monetary"),
                metrics,
                "buyers",
                null,
                fit.provenance(),
                // the RFM quintile boundaries travel with the segmentation: the scoring shards score with them
                RfmScores.fit(new ArrayList<>(buyers)).toParameters(),
                0,
                null);
        // Segments describe the customer base rather than predict: there is no held-out score to gate on.
        var stored = registry.publish(
                metadata,
                fit.model().toBytes(),
                GateDecision.forced("none", Double.NaN, "descriptive model: published when the fit succeeds"));
        ModelReport report = new ModelReport(
                SEGMENTS,
                "published",
                stored.version(),
                String.join(", ", fit.model().names()),
                metrics,
                seconds(start));
        return new SegmentRun(report, stored.version(), asOf);
    }

    private static ModelReport published(ModelMetadata stored) {
        return new ModelReport(
                stored.kind(),
                stored.gate().passed() ? "published" : "refused",
                stored.version(),
                stored.gate().reason(),
                stored.metrics(),
                0);
    }

    private static ModelReport skipped(String kind, String reason) {
        return new ModelReport(kind, "skipped", null, reason, Map.of(), 0);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }
}
