package com.quanyu.chatbot.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained intent classifier: n-gram featurizer, TF-IDF vocabulary, Tribuo model and the
 * out-of-scope threshold, saved together as one zip (manifest.json, idf.tsv, concepts.tsv, model.pb) so that
 * what was evaluated is exactly what is served. The manifest carries the training provenance.
 */
public final class IntentModel {
    private final NgramFeaturizer featurizer;
    private final TfIdfWeights weights;
    private final Model<Label> model;
    private final double threshold;
    private final ObjectNode manifest;

    IntentModel(NgramFeaturizer featurizer, TfIdfWeights weights, Model<Label> model, double threshold, ObjectNode manifest) {
        this.featurizer = featurizer;
        this.weights = weights;
        this.model = model;
        this.threshold = threshold;
        this.manifest = manifest;
    }

    /** Classifies one text; an empty or featureless text is out of scope with confidence 0. */
    public IntentPrediction classify(String text) {
        Map<String, Double> vector = weights.weigh(featurizer.counts(text == null ? "" : text));
        if (vector.isEmpty()) {
            return new IntentPrediction(IntentPrediction.OUT_OF_SCOPE, 0.0, false);
        }
        Prediction<Label> prediction = model.predict(example(vector, LabelFactory.UNKNOWN_LABEL));
        Label best = prediction.getOutput();
        double confidence = best.getScore();
        return new IntentPrediction(best.getLabel(), confidence, confidence >= threshold);
    }

    /** The same model with another out-of-scope threshold (evaluation sweeps). */
    public IntentModel withThreshold(double newThreshold) {
        ObjectNode copy = manifest.deepCopy();
        copy.put("threshold", newThreshold);
        return new IntentModel(featurizer, weights, model, newThreshold, copy);
    }

    public double threshold() {
        return threshold;
    }

    public int vocabularySize() {
        return weights.size();
    }

    /** Training provenance and settings (labels, data digest, trainer, date). */
    public JsonNode manifest() {
        return manifest;
    }

    static ArrayExample<Label> example(Map<String, Double> vector, Label output) {
        String[] names = new String[vector.size()];
        double[] values = new double[vector.size()];
        int i = 0;
        for (var entry : vector.entrySet()) {
            names[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new ArrayExample<>(output, names, values);
    }

    /** Writes the model as a zip. */
    public void save(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("idf.tsv"));
        StringBuilder idf = new StringBuilder();
        weights.idf().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> idf.append(e.getKey().replace('\t', ' ').replace('\n', ' ')).append('\t').append(e.getValue()).append('\n'));
        zip.write(idf.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("concepts.tsv"));
        zip.write(featurizer.lexicon().source().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("model.pb"));
        model.serialize().writeTo(zip);
        zip.closeEntry();
        zip.finish();
    }

    /** Reads a model written by {@link #save}. */
    @SuppressWarnings("unchecked")
    public static IntentModel load(InputStream in) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                zip.transferTo(bytes);
                entries.put(entry.getName(), bytes.toByteArray());
            }
        }
        for (String name : new String[] {"manifest.json", "idf.tsv", "model.pb"}) {
            if (!entries.containsKey(name)) {
                throw new IOException("intent model archive lacks " + name);
            }
        }
        ObjectNode manifest = (ObjectNode) Json.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        Map<String, Double> idf = new HashMap<>();
        for (String line : new String(entries.get("idf.tsv"), StandardCharsets.UTF_8).split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                idf.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
            }
        }
        Model<?> model = Model.deserialize(ModelProto.parseFrom(entries.get("model.pb")));
        if (!model.validate(Label.class)) {
            throw new IOException("intent model is not a classification model");
        }
        JsonNode f = manifest.path("featurizer");
        ConceptLexicon lexicon = entries.containsKey("concepts.tsv")
                ? ConceptLexicon.parse(new String(entries.get("concepts.tsv"), StandardCharsets.UTF_8)) : ConceptLexicon.empty();
        NgramFeaturizer featurizer = NgramFeaturizer.of(f.path("maxCjkGram").asInt(3), f.path("minCharGram").asInt(2),
                f.path("maxCharGram").asInt(5), lexicon);
        return new IntentModel(featurizer, TfIdfWeights.of(idf), (Model<Label>) model, manifest.path("threshold").asDouble(), manifest);
    }

    /** Loads a model from the classpath (the one shipped in the function's jar). */
    public static IntentModel fromClasspath(String resource) {
        try (InputStream in = IntentModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("intent model resource missing: " + resource);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("intent model resource unreadable: " + resource, e);
        }
    }
}
