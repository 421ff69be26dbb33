package com.quanyu.train.propensity;

import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.TribuoModels;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.train.eval.BinaryMetrics;
import com.quanyu.train.features.TrainingFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Purchase propensity ("orders in the next 7 days") from lake history. Rows are people as of a
 * cut-off with the label "ordered in the 7 days after it". Time decides the split: the latest
 * complete week is the held-out set; the two weeks before it are training rows, so the model is
 * always judged on a future it has not seen.
 */
public final class PropensityTraining {
    public static final String KIND = "propensity";
    public static final String BUYS = "buys";
    public static final String NO = "no";
    public static final Duration HORIZON = Duration.ofDays(7);

    /** Fits a model on training rows (the selection by default; tests substitute a degraded one). */
    @FunctionalInterface
    public interface Trainer {
        ClassifierSelection.Selection train(LabelledRows rows);
    }

    /** A trained candidate with its held-out rows, for the gate. */
    public record Candidate(
            ModelMetadata metadata, byte[] artifact, BinaryClassifier classifier, LabelledRows holdout) {}

    private final Trainer trainer;
    private final int maxRows;
    private final long seed;

    public PropensityTraining(Trainer trainer, int maxRows, long seed) {
        this.trainer = trainer;
        this.maxRows = maxRows;
        this.seed = seed;
    }

    /** The default: logistic baseline against a 100-tree forest, at most {@code maxRows} training rows. */
    public static PropensityTraining defaults(int maxRows) {
        ClassifierSelection selection = ClassifierSelection.of(
                List.of(
                        new ClassifierSelection.Candidate(
                                ClassifierSelection.LOGISTIC, ClassifierSelection.logisticRegression(42)),
                        new ClassifierSelection.Candidate(
                                ClassifierSelection.forestName(100), ClassifierSelection.randomForest(42, 100))),
                BUYS,
                NO,
                42);
        return new PropensityTraining(selection::select, maxRows, 42);
    }

    /** Rows as of {@code cutoff}: every sampled person seen before it, labelled by an order within the horizon. */
    public static LabelledRows rows(TrainingFeatures features, Instant cutoff) {
        List<TrainingFeatures.PropensityExample> examples = features.propensity(cutoff, cutoff.plus(HORIZON));
        List<double[]> rows = new ArrayList<>(examples.size());
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < y.length; i++) {
            rows.add(PropensityFeatures.values(examples.get(i).snapshot()));
            y[i] = examples.get(i).buys();
        }
        return LabelledRows.of(PropensityFeatures.NAMES, rows, y);
    }

    /**
     * Trains on the two weeks before the held-out week and measures on it. Empty when the history
     * is shorter than three weeks plus a day or has no buyers to learn from.
     */
    public java.util.Optional<Candidate> train(
            TrainingFeatures history, String version, String codeVersion, Instant now, String source) {
        TrainingFeatures.Span span = history.span();
        if (span.last() == null) {
            return java.util.Optional.empty();
        }
        Instant holdoutCutoff = span.last().minus(HORIZON);
        if (span.first().isAfter(holdoutCutoff.minus(HORIZON.multipliedBy(2)))) {
            return java.util.Optional.empty();
        }
        LabelledRows train = concat(
                rows(history, holdoutCutoff.minus(HORIZON)),
                rows(history, holdoutCutoff.minus(HORIZON.multipliedBy(2))));
        LabelledRows holdout = rows(history, holdoutCutoff);
        if (train.positives() < 10 || holdout.positives() < 5) {
            return java.util.Optional.empty();
        }
        train = sample(train, maxRows, seed);
        ClassifierSelection.Selection selection = trainer.train(train);
        BinaryClassifier classifier =
                BinaryClassifier.of(selection.model(), BUYS, PropensityFeatures.NAMES, train.means());
        Map<String, Double> metrics = evaluate(classifier, holdout);
        selection.trials().forEach(t -> metrics.put("validation_auc_roc." + shortName(t.name()), t.aucRoc()));
        Map<String, Double> parameters = new HashMap<>();
        double[] means = train.means();
        for (int j = 0; j < means.length; j++) {
            parameters.put("baseline." + PropensityFeatures.NAMES.get(j), means[j]);
        }
        parameters.put("horizon_days", (double) HORIZON.toDays());
        var data = new ModelMetadata.TrainingData(
                source, span.first(), holdoutCutoff.plus(HORIZON), train.size(), holdout.size());
        var metadata = new ModelMetadata(
                KIND,
                version,
                selection.algorithm(),
                now,
                codeVersion,
                data,
                PropensityFeatures.NAMES,
                metrics,
                "auc_roc",
                null,
                TribuoModels.provenance(selection.model()),
                parameters,
                0,
                null);
        return java.util.Optional.of(
                new Candidate(metadata, TribuoModels.toBytes(selection.model()), classifier, holdout));
    }

    /** AUC-ROC, AUC-PR and the base rate of a classifier on labelled rows. */
    public static Map<String, Double> evaluate(BinaryClassifier classifier, LabelledRows rows) {
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = classifier.probability(rows.row(i));
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("auc_roc", BinaryMetrics.aucRoc(scores, rows.labels()));
        metrics.put("auc_pr", BinaryMetrics.aucPr(scores, rows.labels()));
        metrics.put("base_rate", (double) rows.positives() / Math.max(1, rows.size()));
        return metrics;
    }

    private static String shortName(String algorithm) {
        return algorithm.startsWith("logistic")
                ? "logistic"
                : algorithm.startsWith("random forest") ? "forest" : "other";
    }

    static LabelledRows concat(LabelledRows a, LabelledRows b) {
        List<double[]> rows = new ArrayList<>(a.size() + b.size());
        boolean[] labels = new boolean[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            rows.add(a.row(i));
            labels[i] = a.label(i);
        }
        for (int i = 0; i < b.size(); i++) {
            rows.add(b.row(i));
            labels[a.size() + i] = b.label(i);
        }
        return LabelledRows.of(a.features(), rows, labels);
    }

    /** At most {@code max} rows, sampled uniformly so the base rate (and calibration) is kept. */
    public static LabelledRows sample(LabelledRows rows, int max, long seed) {
        if (rows.size() <= max) {
            return rows;
        }
        List<Integer> order = new ArrayList<>(
                java.util.stream.IntStream.range(0, rows.size()).boxed().toList());
        java.util.Collections.shuffle(order, new Random(seed));
        return rows.subset(
                order.subList(0, max).stream().mapToInt(Integer::intValue).toArray());
    }
}
