package com.quanyu.chatbot.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * A trained intent classifier: n-gram featurizer, TF-IDF vocabulary, Tribuo model, optionally an
 * {@link EmbeddingIntentHead} over a sentence encoder (the two models' probabilities are averaged
 * with the manifest's {@code embedding.weight}), and the out-of-scope threshold, saved together as
 * one zip (manifest.json, idf.tsv, concepts.tsv, model.pb, embedding.pb, neighbours.bin) so that what was evaluated
 * is exactly what is served. The manifest carries the training provenance.
 */
public final class IntentModel {
    private final NgramFeaturizer featurizer;
    private final TfIdfWeights weights;
    private final Model<Label> model;
    private final double threshold;
    private final ObjectNode manifest;
    private final EmbeddingIntentHead embedding;
    private final double embeddingWeight;
    private final double familiarityFloor;
    private final Spelling spelling;
    private final boolean relayed;

    /**
     * One text's scores before any cut-off: the best intent and its averaged probability
     * ({@code inScope} false only for a text without any known n-gram), and its familiarity rank
     * (1 without an embedding head).
     */
    public record Scores(IntentPrediction best, double familiarity) {}

    IntentModel(
            NgramFeaturizer featurizer,
            TfIdfWeights weights,
            Model<Label> model,
            double threshold,
            ObjectNode manifest,
            EmbeddingIntentHead embedding,
            double embeddingWeight,
            double familiarityFloor) {
        this.featurizer = featurizer;
        this.weights = weights;
        this.model = model;
        this.threshold = threshold;
        this.manifest = manifest;
        this.embedding = embedding;
        this.embeddingWeight = embedding == null ? 0 : embeddingWeight;
        this.familiarityFloor = embedding == null ? 0 : familiarityFloor;
        // both steps are read from the manifest, so a model serves as it was saved and measured
        this.spelling = manifest.path("spelling").asBoolean(false) ? Spelling.fromIdf(weights.idf()) : null;
        this.relayed = manifest.path("relayedRequests").asBoolean(false);
    }

    /**
     * Classifies one text: the n-gram model's probabilities, averaged with the embedding head's when
     * there is one; with a head, a text less familiar than the floor (its neighbours among the
     * training utterances farther than those of that share of the training utterances themselves)
     * is out of scope whatever its probability. A text without any known n-gram (empty, emoji only,
     * an unseen script) is out of scope with confidence 0: there is nothing in it the training data had.
     */
    public IntentPrediction classify(String text) {
        Scores scores = scores(text);
        IntentPrediction best = scores.best();
        return new IntentPrediction(
                best.intent(),
                best.confidence(),
                best.inScope() && scores.familiarity() >= familiarityFloor && best.confidence() >= threshold);
    }

    /** The scores {@link #classify} cuts off with the threshold and the familiarity floor (evaluation sweeps). */
    public Scores scores(String text) {
        String input = text == null ? "" : spelling == null ? text : spelling.correct(text);
        if (relayed) {
            input = RelayedRequest.question(input).orElse(input);
        }
        Map<String, Double> vector = weights.weigh(featurizer.counts(input));
        if (vector.isEmpty()) {
            return new Scores(new IntentPrediction(IntentPrediction.OUT_OF_SCOPE, 0.0, false), 0);
        }
        Map<String, Double> combined = new HashMap<>();
        Prediction<Label> prediction = model.predict(example(vector, LabelFactory.UNKNOWN_LABEL));
        prediction
                .getOutputScores()
                .forEach((label, scored) -> combined.put(label, (1 - embeddingWeight) * scored.getScore()));
        double familiarity = 1;
        if (embedding != null) {
            EmbeddingIntentHead.Assessment assessment = embedding.assess(input);
            familiarity = assessment.familiarity();
            assessment.probabilities().forEach((label, p) -> combined.merge(label, embeddingWeight * p, Double::sum));
        }
        var best =
                combined.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Scores(new IntentPrediction(best.getKey(), best.getValue(), true), familiarity);
    }

    /** The same model with another out-of-scope threshold (evaluation sweeps). */
    public IntentModel withThreshold(double newThreshold) {
        ObjectNode copy = manifest.deepCopy();
        copy.put("threshold", newThreshold);
        return withManifest(copy);
    }

    /** The same model with another familiarity floor (the share of training utterances allowed to be less familiar than an in-scope text). */
    public IntentModel withFamiliarityFloor(double floor) {
        ObjectNode copy = embeddingManifestCopy();
        ((ObjectNode) copy.path("embedding")).put("familiarityFloor", floor);
        return withManifest(copy);
    }

    /** The same model with the embedding head's probabilities weighted {@code weight} (0: n-grams only; 1: embeddings only). */
    public IntentModel withEmbeddingWeight(double weight) {
        ObjectNode copy = embeddingManifestCopy();
        ((ObjectNode) copy.path("embedding")).put("weight", weight);
        return withManifest(copy);
    }

    /**
     * The same model with spelling correction toward its training words on or off ({@link Spelling};
     * saved in the manifest, so an ablation can be evaluated and served as it was measured).
     */
    public IntentModel withSpelling(boolean on) {
        ObjectNode copy = manifest.deepCopy();
        copy.put("spelling", on);
        return withManifest(copy);
    }

    /**
     * The same model reading a relayed request ("ask an agent how ...") by its passed-on question
     * ({@link RelayedRequest}) or not (saved in the manifest, as {@link #withSpelling}).
     */
    public IntentModel withRelayedRequests(boolean on) {
        ObjectNode copy = manifest.deepCopy();
        copy.put("relayedRequests", on);
        return withManifest(copy);
    }

    private ObjectNode embeddingManifestCopy() {
        if (embedding == null) {
            throw new IllegalStateException("this model has no embedding head");
        }
        return manifest.deepCopy();
    }

    /** The same trained models with the settings of {@code changed}, a changed copy of this model's manifest. */
    private IntentModel withManifest(ObjectNode changed) {
        JsonNode e = changed.path("embedding");
        return new IntentModel(
                featurizer,
                weights,
                model,
                changed.path("threshold").asDouble(),
                changed,
                embedding,
                e.path("weight").asDouble(0),
                e.path("familiarityFloor").asDouble(0));
    }

    public double familiarityFloor() {
        return familiarityFloor;
    }

    /** The sentence encoder's name, or empty for an n-gram-only model. */
    public java.util.Optional<String> encoderName() {
        return embedding == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(embedding.encoder().name());
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
        weights.idf().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> idf.append(e.getKey().replace('\t', ' ').replace('\n', ' '))
                        .append('\t')
                        .append(e.getValue())
                        .append('\n'));
        zip.write(idf.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("concepts.tsv"));
        zip.write(featurizer.lexicon().source().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("model.pb"));
        model.serialize().writeTo(zip);
        zip.closeEntry();
        if (embedding != null) {
            zip.putNextEntry(new ZipEntry("embedding.pb"));
            embedding.model().serialize().writeTo(zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("neighbours.bin"));
            DataOutputStream spaces = new DataOutputStream(new BufferedOutputStream(zip));
            embedding.writeSpaces(spaces);
            spaces.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Reads a model written by {@link #save}, loading the sentence encoder it names (if any) from the classpath. */
    public static IntentModel load(InputStream in) throws IOException {
        return load(in, name -> ScriptRoutedEncoder.resolve(name, OnnxSentenceEncoder::of));
    }

    /** Reads a model written by {@link #save}; {@code encoders} supplies the sentence encoder the manifest names. */
    @SuppressWarnings("unchecked")
    public static IntentModel load(InputStream in, Function<String, SentenceEncoder> encoders) throws IOException {
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
                ? ConceptLexicon.parse(new String(entries.get("concepts.tsv"), StandardCharsets.UTF_8))
                : ConceptLexicon.empty();
        NgramFeaturizer featurizer = NgramFeaturizer.of(
                f.path("maxCjkGram").asInt(3),
                f.path("minCharGram").asInt(2),
                f.path("maxCharGram").asInt(5),
                lexicon);
        JsonNode e = manifest.path("embedding");
        EmbeddingIntentHead head = null;
        if (e.isObject()) {
            if (!entries.containsKey("embedding.pb")) {
                throw new IOException("intent model archive names an embedding head but lacks embedding.pb");
            }
            SentenceEncoder encoder = encoders.apply(e.path("encoder").asText());
            if (encoder.dimension() != e.path("dimension").asInt()) {
                throw new IOException("sentence encoder " + encoder.name() + " has " + encoder.dimension()
                        + " dimensions, the head expects " + e.path("dimension").asInt());
            }
            Model<?> headModel = Model.deserialize(ModelProto.parseFrom(entries.get("embedding.pb")));
            if (!headModel.validate(Label.class)) {
                throw new IOException("embedding head is not a classification model");
            }
            if (!entries.containsKey("neighbours.bin")) {
                throw new IOException("intent model archive names an embedding head but lacks neighbours.bin"
                        + " (a model from before the neighbour familiarity: retrain it)");
            }
            List<EmbeddingIntentHead.Space> spaces =
                    EmbeddingIntentHead.readSpaces(ByteBuffer.wrap(entries.get("neighbours.bin")));
            head = new EmbeddingIntentHead(encoder, (Model<Label>) headModel, spaces);
        }
        return new IntentModel(
                featurizer,
                TfIdfWeights.of(idf),
                (Model<Label>) model,
                manifest.path("threshold").asDouble(),
                manifest,
                head,
                e.path("weight").asDouble(0),
                e.path("familiarityFloor").asDouble(0));
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
