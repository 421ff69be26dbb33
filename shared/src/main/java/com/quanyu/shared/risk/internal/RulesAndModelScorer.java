package com.quanyu.shared.risk.internal;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.risk.OrderRisk;
import com.quanyu.shared.risk.OrderRiskFeatures;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.risk.OrderRiskRules;
import com.quanyu.shared.risk.OrderRiskScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rules, then the model when one is live. The model already sees the rules' score as a feature and
 * learned how far to trust it, so its probability is the score; only a clear rule verdict (at least
 * {@link #HARD_RULES}, several strong signals at once) overrides a lower model score. Rules and
 * model both explain themselves in the reasons.
 */
public final class RulesAndModelScorer implements OrderRiskScorer {
    /** A rules score from which the rules win over a lower model score. */
    public static final double HARD_RULES = 0.75;

    private static final JsonLogger LOG = JsonLogger.of(RulesAndModelScorer.class);

    private final OrderRiskRules rules;
    private final OrderRiskFeatures features;
    private final Supplier<Optional<LiveModel.Loaded<BinaryClassifier>>> model;
    private final double flagThreshold;

    public RulesAndModelScorer(
            OrderRiskRules rules, Supplier<Optional<LiveModel.Loaded<BinaryClassifier>>> model, double flagThreshold) {
        if (!(flagThreshold > 0 && flagThreshold <= 1)) {
            throw new IllegalArgumentException("flag threshold must be in (0, 1]: " + flagThreshold);
        }
        this.rules = rules;
        this.features = OrderRiskFeatures.of(rules);
        this.model = model;
        this.flagThreshold = flagThreshold;
    }

    @Override
    public OrderRisk assess(OrderRiskInput order) {
        OrderRiskRules.Outcome outcome = rules.evaluate(order);
        double score = outcome.score();
        List<String> reasons = new ArrayList<>(outcome.reasons());
        String version = "rules";
        Optional<LiveModel.Loaded<BinaryClassifier>> loaded = currentModel();
        if (loaded.isPresent()) {
            try {
                double[] values = features.values(order);
                double p = loaded.get().model().probability(values);
                version = loaded.get().version();
                if (p >= flagThreshold / 2) {
                    reasons.add(String.format(Locale.ROOT, "model: fraud probability %.2f", p));
                }
                score = score >= HARD_RULES ? Math.max(score, p) : p;
            } catch (RuntimeException e) {
                LOG.error("order-risk model failed; rules only for this order", e, "orderId", order.orderId());
            }
        }
        return new OrderRisk(score, score >= flagThreshold, reasons, version);
    }

    private Optional<LiveModel.Loaded<BinaryClassifier>> currentModel() {
        try {
            return model.get();
        } catch (RuntimeException e) {
            LOG.error("order-risk model unavailable; rules only", e);
            return Optional.empty();
        }
    }
}
