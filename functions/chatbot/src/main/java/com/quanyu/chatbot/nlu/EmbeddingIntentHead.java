package com.quanyu.chatbot.nlu;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * An intent classifier over sentence embeddings: Tribuo's multinomial logistic regression on the
 * encoder's vector (so its scores are probabilities, comparable with the n-gram model's and usable
 * by the out-of-scope threshold). The encoder is not saved with the head, only named: the head is
 * valid only with the encoder it was trained on, which {@link IntentModel#load} checks.
 */
public final class EmbeddingIntentHead {
    private final SentenceEncoder encoder;
    private final Model<Label> model;
    private final String[] featureNames;

    EmbeddingIntentHead(SentenceEncoder encoder, Model<Label> model) {
        this.encoder = encoder;
        this.model = model;
        this.featureNames = featureNames(encoder.dimension());
    }

    /** Trains the head on the embeddings of the labelled texts. */
    static EmbeddingIntentHead train(SentenceEncoder encoder, List<LabeledText> data, String dataName, int epochs, double learningRate, long seed) {
        String[] names = featureNames(encoder.dimension());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(dataName + " embedded by " + encoder.name(), labels), labels);
        for (LabeledText item : data) {
            dataset.add(example(names, encoder.embed(item.text()), labels.generateOutput(item.label())));
        }
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(learningRate, 1e-6), epochs, epochs * data.size() + 1, 1, seed);
        return new EmbeddingIntentHead(encoder, trainer.train(dataset));
    }

    /** The probability of every intent for one text. */
    Map<String, Double> probabilities(String text) {
        var prediction = model.predict(example(featureNames, encoder.embed(text), LabelFactory.UNKNOWN_LABEL));
        Map<String, Double> out = new HashMap<>();
        prediction.getOutputScores().forEach((label, scored) -> out.put(label, scored.getScore()));
        return out;
    }

    SentenceEncoder encoder() {
        return encoder;
    }

    Model<Label> model() {
        return model;
    }

    String trainerDescription() {
        return model.getProvenance().getTrainerProvenance().toString();
    }

    private static ArrayExample<Label> example(String[] names, float[] vector, Label output) {
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return new ArrayExample<>(output, names, values);
    }

    private static String[] featureNames(int dimension) {
        String[] names = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            names[i] = String.format(Locale.ROOT, "e%03d", i);
        }
        return names;
    }
}
