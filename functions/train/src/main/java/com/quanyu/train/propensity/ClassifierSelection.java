package com.quanyu.train.propensity;

import com.quanyu.train.eval.BinaryMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Trains the candidate classifiers (the explainable logistic-regression baseline and a random
 * forest), picks one on a validation split carved from the training rows (never the test rows),
 * and refits the pick on all training rows. The baseline wins unless the forest is clearly better.
 */
public final class ClassifierSelection {
    /** A named way to train a model. */
    public record Candidate(String name, Trainer<Label> trainer) {}

    /** How a candidate did on the validation split. */
    public record Trial(String name, double aucRoc, double aucPr) {}

    /** The chosen, refitted model and every candidate's validation figures. */
    public record Selection(String algorithm, Model<Label> model, List<Trial> trials) {}

    /** How much better (AUC-ROC) a black-box model must validate to replace the explainable baseline. */
    public static final double BASELINE_PREFERENCE = 0.005;

    public static final String LOGISTIC = "logistic regression (Tribuo LinearSGD, log loss, standardised)";
    public static final String FOREST = forestName(200);

    public static String forestName(int trees) {
        return "random forest (Tribuo CART x" + trees + ", depth 12, half the features per split)";
    }

    private final List<Candidate> candidates;
    private final String positive;
    private final String negative;
    private final long seed;

    private ClassifierSelection(List<Candidate> candidates, String positive, String negative, long seed) {
        this.candidates = List.copyOf(candidates);
        this.positive = positive;
        this.negative = negative;
        this.seed = seed;
    }

    /** The default candidates: logistic regression first (the baseline), then a random forest. */
    public static ClassifierSelection defaults(String positive, String negative, long seed) {
        return of(
                List.of(new Candidate(LOGISTIC, logisticRegression(seed)), new Candidate(FOREST, randomForest(seed))),
                positive,
                negative,
                seed);
    }

    public static ClassifierSelection of(List<Candidate> candidates, String positive, String negative, long seed) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("at least one candidate is required");
        }
        return new ClassifierSelection(candidates, positive, negative, seed);
    }

    public static Trainer<Label> logisticRegression(long seed) {
        var sgd = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 15, 10_000, 1, seed);
        return new TransformTrainer<>(sgd, new TransformationMap(List.of(new MeanStdDevTransformation())));
    }

    public static Trainer<Label> randomForest(long seed) {
        return randomForest(seed, 200);
    }

    /** A forest of {@code trees} CART trees (depth 12, half the features tried per split). */
    public static Trainer<Label> randomForest(long seed, int trees) {
        var tree = new CARTClassificationTrainer(12, 5f, 0f, 0.5f, false, new GiniIndex(), seed);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), trees, seed);
    }

    public Selection select(LabelledRows train) {
        LabelledRows[] inner = train.split(0.8, seed);
        List<Trial> trials = new ArrayList<>();
        Candidate best = null;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (Candidate candidate : candidates) {
            Model<Label> model = candidate.trainer().train(dataset(inner[0], candidate.name()));
            double[] scores = scores(model, inner[1]);
            Trial trial = new Trial(
                    candidate.name(),
                    BinaryMetrics.aucRoc(scores, inner[1].labels()),
                    BinaryMetrics.aucPr(scores, inner[1].labels()));
            trials.add(trial);
            double margin = best == null ? 0 : BASELINE_PREFERENCE;
            if (trial.aucRoc() > bestAuc + margin) {
                best = candidate;
                bestAuc = trial.aucRoc();
            }
        }
        Model<Label> model = best.trainer().train(dataset(train, best.name()));
        return new Selection(best.name(), model, trials);
    }

    /** Fits one candidate on all of {@code train} (no selection), e.g. to compare a fixed algorithm. */
    public Model<Label> fit(Candidate candidate, LabelledRows train) {
        return candidate.trainer().train(dataset(train, candidate.name()));
    }

    /** The model's probability of the positive label for every row. */
    public double[] scores(Model<Label> model, LabelledRows rows) {
        String[] names = rows.features().toArray(String[]::new);
        List<org.tribuo.Example<Label>> examples = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, rows.row(i)));
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        double[] scores = new double[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Label> out = predictions.get(i).getOutputScores();
            Label p = out.get(positive);
            scores[i] = p == null ? 0 : p.getScore();
        }
        return scores;
    }

    public MutableDataset<Label> dataset(LabelledRows rows, String description) {
        rows = rows.withoutConstantFeatures();
        LabelFactory factory = new LabelFactory();
        var data = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        String[] names = rows.features().toArray(String[]::new);
        for (int i = 0; i < rows.size(); i++) {
            data.add(new ArrayExample<>(new Label(rows.label(i) ? positive : negative), names, rows.row(i)));
        }
        return data;
    }
}
