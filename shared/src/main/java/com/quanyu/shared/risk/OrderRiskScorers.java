package com.quanyu.shared.risk;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.risk.internal.RulesAndModelScorer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds {@link OrderRiskScorer}s: rules alone, or rules combined with the live order-risk model
 * from the registry (the model's probability, which was trained with the rules' score as an input,
 * unless the rules alone are clear-cut; see {@code RulesAndModelScorer}).
 */
public final class OrderRiskScorers {
    /** Registry kind of the order-risk model. */
    public static final String MODEL_KIND = "order-risk";
    /** The positive label the order-risk model is trained on. */
    public static final String FRAUD_LABEL = "fraud";
    /** The negative label. */
    public static final String LEGIT_LABEL = "legit";
    /** Orders scoring at least this are flagged for a downstream hold. */
    public static final double DEFAULT_FLAG_THRESHOLD = 0.5;

    private OrderRiskScorers() {}

    /** The default rules, no model. */
    public static OrderRiskScorer rulesOnly() {
        return rulesOnly(OrderRiskRules.defaults(), DEFAULT_FLAG_THRESHOLD);
    }

    public static OrderRiskScorer rulesOnly(OrderRiskRules rules, double flagThreshold) {
        return new RulesAndModelScorer(rules, Optional::empty, flagThreshold);
    }

    /** Rules plus whatever model {@code model} supplies at call time (empty: rules only). */
    public static OrderRiskScorer withModel(
            OrderRiskRules rules, Supplier<Optional<LiveModel.Loaded<BinaryClassifier>>> model, double flagThreshold) {
        return new RulesAndModelScorer(rules, model, flagThreshold);
    }

    /** Rules plus the registry's live order-risk model, re-checked every {@code refresh}. */
    public static OrderRiskScorer fromRegistry(ModelRegistry registry, Duration refresh, double flagThreshold) {
        LiveModel<BinaryClassifier> live = liveModel(registry, refresh);
        return withModel(OrderRiskRules.defaults(), live::current, flagThreshold);
    }

    /**
     * Rules plus the live model, configured from a function's environment: {@code MODELS_BUCKET},
     * {@code MODEL_REFRESH_MINUTES} (default 5) and {@code RISK_FLAG_THRESHOLD} (default 0.5).
     */
    public static OrderRiskScorer fromEnv(Env env) {
        ModelRegistry registry = ModelRegistry.of(AwsClients.s3(env), env.required("MODELS_BUCKET"));
        return fromRegistry(
                registry,
                Duration.ofMinutes(env.intValue("MODEL_REFRESH_MINUTES", 5)),
                env.doubleValue("RISK_FLAG_THRESHOLD", DEFAULT_FLAG_THRESHOLD));
    }

    /** The live order-risk model of a registry, for callers that also report its version or load time. */
    public static LiveModel<BinaryClassifier> liveModel(ModelRegistry registry, Duration refresh) {
        return LiveModel.of(
                registry,
                MODEL_KIND,
                (artifact, metadata) -> BinaryClassifier.decode(artifact, metadata, FRAUD_LABEL),
                refresh);
    }
}
