package com.quanyu.train;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The publication gate: evaluates the live version of a model on the candidate's held-out rows
 * and refuses the candidate when it is worse by more than the tolerance. A live version that can
 * no longer be evaluated (its artifact is unreadable) does not block the candidate; the decision
 * says so.
 */
public final class Gate {
    private static final JsonLogger LOG = JsonLogger.of(Gate.class);

    private final ModelRegistry registry;
    private final double tolerance;

    public Gate(ModelRegistry registry, double tolerance) {
        this.registry = registry;
        this.tolerance = tolerance;
    }

    public <T> GateDecision check(
            String kind,
            String metric,
            double candidate,
            LiveModel.Decoder<T> decoder,
            ToDoubleFunction<T> evaluateOnHoldout) {
        GateDecision decision = decide(kind, metric, candidate, decoder, evaluateOnHoldout);
        Metrics.of("train")
                .count(decision.passed() ? "GatePassed" : "GateRefused", 1)
                .emit();
        return decision;
    }

    private <T> GateDecision decide(
            String kind,
            String metric,
            double candidate,
            LiveModel.Decoder<T> decoder,
            ToDoubleFunction<T> evaluateOnHoldout) {
        var pointer = registry.live(kind);
        if (pointer.isEmpty()) {
            return GateDecision.compare(metric, candidate, Double.NaN, null, tolerance);
        }
        String liveVersion = pointer.get().version();
        double live;
        try {
            var metadata = registry.metadata(kind, liveVersion)
                    .orElseThrow(() -> new IllegalStateException("live version has no metadata"));
            live = evaluateOnHoldout.applyAsDouble(decoder.decode(registry.artifact(metadata), metadata));
        } catch (RuntimeException e) {
            LOG.error(
                    "live model could not be evaluated; gate compares against nothing",
                    e,
                    "kind",
                    kind,
                    "live",
                    liveVersion);
            return new GateDecision(
                    !Double.isNaN(candidate),
                    metric,
                    candidate,
                    Double.NaN,
                    liveVersion,
                    tolerance,
                    "live version " + liveVersion + " could not be evaluated (" + e.getMessage()
                            + "); candidate accepted");
        }
        return GateDecision.compare(metric, candidate, live, liveVersion, tolerance);
    }
}
