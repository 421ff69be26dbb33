package com.quanyu.chatbot.nlu;

import java.util.ArrayList;
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
 * by the out-of-scope threshold), plus a familiarity check: the text must be as close to some
 * intent's centroid as that intent's own training utterances are (its floor: the similarity that
 * {@link #FLOOR_QUANTILE} of them fall below), per encoder space; a varied intent (greetings) gets
 * a lower floor than a narrow one. A softmax
 * always picks some intent, confidently even for "tell me a joke"; distance to what the intents
 * look like catches texts unlike all of them, on any brand's data, without tuning on a test set.
 * The encoder is not saved with the head, only named: the head is valid only with the encoder it
 * was trained on, which {@link IntentModel#load} checks.
 */
public final class EmbeddingIntentHead {
    /** Share of training utterances allowed below the familiarity floor (chosen a priori). */
    static final double FLOOR_QUANTILE = 0.02;

    /** What the head says about one text. */
    record Assessment(Map<String, Double> probabilities, boolean familiar) {}

    /** An intent's centroid in one encoder space, and its floor: the similarity that {@link #FLOOR_QUANTILE} of the intent's own training utterances in that space fall below. */
    record Centroid(String label, int space, float[] vector, double floor) {}

    private final SentenceEncoder encoder;
    private final Model<Label> model;
    private final String[] featureNames;
    private final List<Centroid> centroids;

    EmbeddingIntentHead(SentenceEncoder encoder, Model<Label> model, List<Centroid> centroids) {
        this.encoder = encoder;
        this.model = model;
        this.featureNames = featureNames(encoder.dimension());
        this.centroids = List.copyOf(centroids);
    }

    /** Trains the head on the embeddings of the labelled texts. */
    static EmbeddingIntentHead train(
            SentenceEncoder encoder,
            List<LabeledText> data,
            String dataName,
            int epochs,
            double learningRate,
            long seed) {
        String[] names = featureNames(encoder.dimension());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(dataName + " embedded by " + encoder.name(), labels), labels);
        List<float[]> vectors = new ArrayList<>(data.size());
        Map<String, float[]> sums = new HashMap<>();
        for (LabeledText item : data) {
            float[] vector = encoder.embed(item.text());
            vectors.add(vector);
            dataset.add(example(names, vector, labels.generateOutput(item.label())));
            float[] sum =
                    sums.computeIfAbsent(key(item.label(), encoder.space(item.text())), k -> new float[vector.length]);
            for (int i = 0; i < vector.length; i++) {
                sum[i] += vector[i];
            }
        }
        Map<String, float[]> units = new HashMap<>();
        sums.forEach((key, sum) -> units.put(key, unit(sum)));
        Map<String, List<Double>> own = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            String key = key(data.get(i).label(), encoder.space(data.get(i).text()));
            own.computeIfAbsent(key, k -> new ArrayList<>()).add(dot(units.get(key), vectors.get(i)));
        }
        List<Centroid> centroids = new ArrayList<>();
        units.forEach((key, vector) -> {
            List<Double> sorted = own.get(key).stream().sorted().toList();
            centroids.add(new Centroid(
                    key.substring(key.indexOf(':') + 1),
                    Integer.parseInt(key.substring(0, key.indexOf(':'))),
                    vector,
                    sorted.get((int) Math.floor(FLOOR_QUANTILE * (sorted.size() - 1)))));
        });
        var trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(learningRate, 1e-6), epochs, epochs * data.size() + 1, 1, seed);
        return new EmbeddingIntentHead(encoder, trainer.train(dataset), centroids);
    }

    /** The probability of every intent for one text, its similarity to the nearest intent centroid, and whether that reaches the floor. */
    Assessment assess(String text) {
        float[] vector = encoder.embed(text);
        var prediction = model.predict(example(featureNames, vector, LabelFactory.UNKNOWN_LABEL));
        Map<String, Double> out = new HashMap<>();
        prediction.getOutputScores().forEach((label, scored) -> out.put(label, scored.getScore()));
        int space = encoder.space(text);
        boolean familiar = centroids.stream().noneMatch(c -> c.space() == space)
                || centroids.stream().anyMatch(c -> c.space() == space && dot(c.vector(), vector) >= c.floor());
        return new Assessment(out, familiar);
    }

    SentenceEncoder encoder() {
        return encoder;
    }

    Model<Label> model() {
        return model;
    }

    List<Centroid> centroids() {
        return centroids;
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    private static String key(String label, int space) {
        return space + ":" + label;
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
