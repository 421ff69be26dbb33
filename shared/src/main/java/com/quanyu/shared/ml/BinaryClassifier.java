package com.quanyu.shared.ml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo classifier for a yes/no question ("buys in 7 days", "is fraud"), read through named
 * features, answering with the probability of the positive label and the features that pushed it.
 *
 * <p>Explanations are model-agnostic: a feature's contribution is how much the probability drops
 * when that feature alone is replaced by its training baseline (the mean). For a linear model
 * that is the weight times the deviation; for trees it is the same question answered exactly.
 */
public final class BinaryClassifier {
    /** How one feature moved a score: positive values raised it. */
    public record Contribution(String feature, double value, double contribution) {}

    private final Model<Label> model;
    private final Label positive;
    private final String[] features;
    private final double[] baselines;

    private BinaryClassifier(Model<Label> model, String positive, List<String> features, double[] baselines) {
        this.model = model;
        this.positive = new Label(positive);
        this.features = features.toArray(String[]::new);
        this.baselines = baselines.clone();
        if (this.baselines.length != this.features.length) {
            throw new IllegalArgumentException("one baseline per feature is required");
        }
        if (!model.getOutputIDInfo().getDomain().contains(this.positive)) {
            throw new IllegalArgumentException("model has no output " + positive);
        }
    }

    /** Wraps a trained classification model; {@code baselines} are the features' training means. */
    @SuppressWarnings("unchecked")
    public static BinaryClassifier of(Model<?> model, String positiveLabel, List<String> features, double[] baselines) {
        Objects.requireNonNull(model, "model");
        if (!(model.getOutputIDInfo().getDomain().iterator().next() instanceof Label)) {
            throw new IllegalArgumentException(
                    "not a classification model: " + model.getClass().getName());
        }
        return new BinaryClassifier((Model<Label>) model, positiveLabel, features, baselines);
    }

    /** Decodes a registry artifact whose metadata carries the features and {@code baseline.<feature>} parameters. */
    public static BinaryClassifier decode(byte[] artifact, ModelMetadata metadata, String positiveLabel) {
        double[] baselines = metadata.features().stream()
                .mapToDouble(f -> metadata.parameters().getOrDefault("baseline." + f, 0.0))
                .toArray();
        return of(TribuoModels.fromBytes(artifact), positiveLabel, metadata.features(), baselines);
    }

    public Model<Label> model() {
        return model;
    }

    public List<String> features() {
        return List.of(features);
    }

    /** Probability of the positive label for feature values aligned with {@link #features()}. */
    public double probability(double[] values) {
        if (values.length != features.length) {
            throw new IllegalArgumentException("expected " + features.length + " feature values, got " + values.length);
        }
        Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features, values));
        Label scored = prediction.getOutputScores().get(positive.getLabel());
        if (scored != null && !Double.isNaN(scored.getScore())) {
            return clamp(scored.getScore());
        }
        return prediction.getOutput().equals(positive) ? 1.0 : 0.0;
    }

    /** The {@code k} features whose values moved this score most, largest effect first. */
    public List<Contribution> explain(double[] values, int k) {
        double p = probability(values);
        List<Contribution> all = new ArrayList<>(features.length);
        double[] probe = values.clone();
        for (int i = 0; i < features.length; i++) {
            if (values[i] == baselines[i]) {
                continue;
            }
            probe[i] = baselines[i];
            all.add(new Contribution(features[i], values[i], p - probability(probe)));
            probe[i] = values[i];
        }
        all.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.contribution()))
                .reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
