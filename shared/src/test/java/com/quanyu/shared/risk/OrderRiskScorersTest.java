package com.quanyu.shared.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.ModelMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class OrderRiskScorersTest {
    private static final Instant NOW = OrderRiskRulesTest.NOW;

    @Test
    void rulesOnlyFlagsClearFraudAndPassesOrdinaryOrders() {
        OrderRiskScorer scorer = OrderRiskScorers.rulesOnly();
        OrderRisk ok = scorer.assess(OrderRiskRulesTest.ordinary());
        assertFalse(ok.flagged());
        assertEquals("rules", ok.modelVersion());
        var o = OrderRiskRulesTest.ordinary();
        OrderRisk bad = scorer.assess(
                OrderRiskRulesTest.with(o, 900, NOW.minus(Duration.ofMinutes(3)), 1, 0, "NG", "US", "US", 0));
        assertTrue(bad.flagged(), bad.toString());
        assertEquals(1 - 0.7 * 0.55, bad.score(), 1e-12);
    }

    @Test
    void rejectsThresholdsOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> OrderRiskScorers.rulesOnly(OrderRiskRules.defaults(), 0));
        assertThrows(IllegalArgumentException.class, () -> OrderRiskScorers.rulesOnly(OrderRiskRules.defaults(), 1.5));
    }

    @Test
    void modelCatchesFraudNoRuleNamesAndReportsItsVersion() {
        // Synthetic pattern invisible to the rules: many items bought by a customer with few orders.
        var rules = OrderRiskRules.defaults();
        var features = OrderRiskFeatures.of(rules);
        var data = new MutableDataset<Label>(
                new SimpleDataSourceProvenance("synthetic orders", new LabelFactory()), new LabelFactory());
        Random random = new Random(7);
        String[] names = OrderRiskFeatures.NAMES.toArray(String[]::new);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            boolean fraud = i % 5 == 0;
            int items = fraud ? 8 + random.nextInt(5) : 1 + random.nextInt(3);
            var order = new OrderRiskInput(
                    "o" + i,
                    "p" + i,
                    "web",
                    50 + random.nextInt(100),
                    "USD",
                    items,
                    NOW,
                    NOW.minus(Duration.ofDays(30 + random.nextInt(300))),
                    0,
                    0,
                    "US",
                    "US",
                    "US",
                    1 + random.nextInt(5));
            double[] x = features.values(order);
            rows.add(x);
            data.add(new ArrayExample<>(
                    new Label(fraud ? OrderRiskScorers.FRAUD_LABEL : OrderRiskScorers.LEGIT_LABEL), names, x));
        }
        var model = new LogisticRegressionTrainer().train(data);
        double[] means = new double[names.length];
        rows.forEach(r -> {
            for (int j = 0; j < r.length; j++) {
                means[j] += r[j] / rows.size();
            }
        });
        var classifier = BinaryClassifier.of(model, OrderRiskScorers.FRAUD_LABEL, OrderRiskFeatures.NAMES, means);
        var metadata = new ModelMetadata(
                OrderRiskScorers.MODEL_KIND,
                "v-test",
                "logistic regression",
                NOW,
                "test",
                null,
                OrderRiskFeatures.NAMES,
                Map.of(),
                "auc_pr",
                null,
                "",
                Map.of(),
                0,
                null);
        var loaded = Optional.of(new LiveModel.Loaded<>(classifier, metadata, Duration.ZERO));
        OrderRiskScorer scorer = OrderRiskScorers.withModel(rules, () -> loaded, 0.5);

        var suspicious = new OrderRiskInput(
                "x", "p", "web", 90, "USD", 11, NOW, NOW.minus(Duration.ofDays(90)), 0, 0, "US", "US", "US", 2);
        assertEquals(0.0, rules.evaluate(suspicious).score(), 1e-12, "no rule fires");
        OrderRisk risk = scorer.assess(suspicious);
        assertTrue(risk.flagged(), risk.toString());
        assertEquals("v-test", risk.modelVersion());
        assertTrue(
                risk.reasons().get(0).startsWith("model: fraud probability"),
                risk.reasons().toString());
        assertFalse(scorer.assess(OrderRiskRulesTest.ordinary()).flagged());
        var o = OrderRiskRulesTest.ordinary();
        var moderate = OrderRiskRulesTest.with(o, 80, o.accountCreatedAt(), 0, 0, "JP", "US", "US", 12);
        OrderRisk travelling = scorer.assess(moderate);
        assertEquals(
                classifier.probability(features.values(moderate)),
                travelling.score(),
                1e-12,
                "below the hard-rules level the model's probability is the score");
        assertTrue(travelling.reasons().get(0).startsWith("country mismatch"), "rule reasons are kept");
        var clearCut = OrderRiskRulesTest.with(o, 80, o.accountCreatedAt(), 6, 6, "US", "US", "US", 12);
        assertTrue(scorer.assess(clearCut).score() >= 1 - 0.4 * 0.4 - 1e-12, "clear-cut rules are never out-voted");
        var explanation = classifier.explain(features.values(suspicious), 3);
        assertEquals("log_items", explanation.get(0).feature(), explanation.toString());
    }

    @Test
    void aFailingModelSupplierFallsBackToRules() {
        OrderRiskScorer scorer = OrderRiskScorers.withModel(
                OrderRiskRules.defaults(),
                () -> {
                    throw new IllegalStateException("registry down");
                },
                0.5);
        OrderRisk risk = scorer.assess(OrderRiskRulesTest.ordinary());
        assertEquals("rules", risk.modelVersion());
        assertEquals(0.0, risk.score(), 1e-12);
    }
}
