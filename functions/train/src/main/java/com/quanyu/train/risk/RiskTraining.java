package com.quanyu.train.risk;

import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.TribuoModels;
import com.quanyu.shared.risk.OrderRiskFeatures;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.risk.OrderRiskRules;
import com.quanyu.shared.risk.OrderRiskScorer;
import com.quanyu.shared.risk.OrderRiskScorers;
import com.quanyu.train.eval.BinaryMetrics;
import com.quanyu.train.propensity.ClassifierSelection;
import com.quanyu.train.propensity.LabelledRows;
import com.quanyu.train.propensity.PropensityTraining;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order-risk model: a classifier over {@link OrderRiskFeatures} (which include the rules'
 * score) trained on orders with a fraud/legit label (chargebacks, review decisions). The oldest
 * three quarters of the labelled orders train it and the newest quarter measures it, as the
 * rules-and-model scorer that will serve: AUC-PR, and precision and recall at the flag threshold.
 */
public final class RiskTraining {
    public static final String KIND = OrderRiskScorers.MODEL_KIND;
    public static final int MIN_FRAUD_LABELS = 20;
    /** Training rows at most (uniform sample, which keeps the fraud rate and so the calibration). */
    public static final int MAX_ROWS = 40_000;

    /** An order as it looked at ingestion, with its later-known label. */
    public record LabelledOrder(OrderRiskInput order, boolean fraud) {}

    /** A trained candidate and the held-out orders the gate replays on the live model. */
    public record Candidate(ModelMetadata metadata, byte[] artifact, List<LabelledOrder> holdout) {}

    private final OrderRiskRules rules = OrderRiskRules.defaults();
    private final double flagThreshold;

    public RiskTraining(double flagThreshold) {
        this.flagThreshold = flagThreshold;
    }

    /** The orders that carry a label (fraud or not), as they looked at ingestion. */
    public static List<LabelledOrder> labelled(List<OrderRiskInput> orders, Map<String, Boolean> labels) {
        List<LabelledOrder> labelled = new ArrayList<>();
        for (OrderRiskInput order : orders) {
            Boolean fraud = labels.get(order.orderId());
            if (fraud != null) {
                labelled.add(new LabelledOrder(order, fraud));
            }
        }
        return labelled;
    }

    public Optional<Candidate> train(
            List<LabelledOrder> labelled, String version, String codeVersion, Instant now, String source) {
        long frauds = labelled.stream().filter(LabelledOrder::fraud).count();
        if (frauds < MIN_FRAUD_LABELS) {
            return Optional.empty();
        }
        List<LabelledOrder> sorted = new ArrayList<>(labelled);
        sorted.sort(Comparator.comparing(o -> o.order().orderTime()));
        int cut = (int) Math.round(sorted.size() * 0.75);
        List<LabelledOrder> train = sorted.subList(0, cut);
        List<LabelledOrder> holdout = List.copyOf(sorted.subList(cut, sorted.size()));
        LabelledRows rows = PropensityTraining.sample(rows(train), MAX_ROWS, 42);
        ClassifierSelection selection = ClassifierSelection.of(
                List.of(
                        new ClassifierSelection.Candidate(
                                ClassifierSelection.LOGISTIC, ClassifierSelection.logisticRegression(42)),
                        new ClassifierSelection.Candidate(
                                ClassifierSelection.forestName(100), ClassifierSelection.randomForest(42, 100))),
                OrderRiskScorers.FRAUD_LABEL,
                OrderRiskScorers.LEGIT_LABEL,
                42);
        ClassifierSelection.Selection picked = selection.select(rows);
        BinaryClassifier classifier = BinaryClassifier.of(
                picked.model(), OrderRiskScorers.FRAUD_LABEL, OrderRiskFeatures.NAMES, rows.means());
        Map<String, Double> metrics = new HashMap<>(evaluate(scorer(classifier, version), holdout));
        evaluate(OrderRiskScorers.rulesOnly(rules, flagThreshold), holdout)
                .forEach((name, value) -> metrics.put("rules_only." + name, value));
        Map<String, Double> parameters = new HashMap<>();
        double[] means = rows.means();
        for (int j = 0; j < means.length; j++) {
            parameters.put("baseline." + OrderRiskFeatures.NAMES.get(j), means[j]);
        }
        parameters.put("flag_threshold", flagThreshold);
        var data = new ModelMetadata.TrainingData(
                source,
                sorted.get(0).order().orderTime(),
                sorted.get(sorted.size() - 1).order().orderTime(),
                train.size(),
                holdout.size());
        var metadata = new ModelMetadata(
                KIND,
                version,
                picked.algorithm() + " over rules and order features",
                now,
                codeVersion,
                data,
                OrderRiskFeatures.NAMES,
                metrics,
                "auc_pr",
                null,
                TribuoModels.provenance(picked.model()),
                parameters,
                0,
                null);
        return Optional.of(new Candidate(metadata, TribuoModels.toBytes(picked.model()), holdout));
    }

    /** The serving scorer around a classifier: rules plus this model. */
    public OrderRiskScorer scorer(BinaryClassifier classifier, String version) {
        var metadata = new ModelMetadata(
                KIND,
                version,
                "",
                Instant.EPOCH,
                "",
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
        return OrderRiskScorers.withModel(rules, () -> loaded, flagThreshold);
    }

    /** AUC-PR, AUC-ROC, precision and recall at the flag threshold of a scorer on labelled orders. */
    public Map<String, Double> evaluate(OrderRiskScorer scorer, List<LabelledOrder> orders) {
        double[] scores = new double[orders.size()];
        boolean[] labels = new boolean[orders.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.assess(orders.get(i).order()).score();
            labels[i] = orders.get(i).fraud();
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("auc_pr", BinaryMetrics.aucPr(scores, labels));
        metrics.put("auc_roc", BinaryMetrics.aucRoc(scores, labels));
        metrics.put("precision_at_flag", BinaryMetrics.precisionAt(scores, labels, flagThreshold));
        metrics.put("recall_at_flag", BinaryMetrics.recallAt(scores, labels, flagThreshold));
        metrics.put(
                "fraud_rate",
                orders.stream().filter(LabelledOrder::fraud).count() / (double) Math.max(1, orders.size()));
        return metrics;
    }

    LabelledRows rows(List<LabelledOrder> orders) {
        OrderRiskFeatures features = OrderRiskFeatures.of(rules);
        List<double[]> rows = new ArrayList<>(orders.size());
        boolean[] labels = new boolean[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            rows.add(features.values(orders.get(i).order()));
            labels[i] = orders.get(i).fraud();
        }
        return LabelledRows.of(OrderRiskFeatures.NAMES, rows, labels);
    }
}
