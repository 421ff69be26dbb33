package com.quanyu.chatbot.nlu;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains an {@link IntentModel}: n-gram counts, TF-IDF vocabulary fitted on the training texts,
 * then Tribuo's linear SGD classifier with the multinomial logistic loss (so scores are
 * probabilities that the out-of-scope threshold can be applied to).
 */
public final class IntentTrainer {
    /**
     * Default familiarity floor: a text is out of scope when it is less familiar than the least
     * familiar 1 % of the training utterances (see {@link EmbeddingIntentHead}; chosen on CLINC150's
     * validation split: docs/BENCHMARKS.md).
     */
    public static final double DEFAULT_FAMILIARITY_FLOOR = 0.01;

    /**
     * The embedding head's weight in the average with the n-gram model, chosen on CLINC150 val with
     * the joined English encoders: 0.75 97.10 %, 0.5 97.07 %, 0.25 94.73 %.
     */
    public static final double DEFAULT_EMBEDDING_WEIGHT = 0.75;

    private final Config config;
    private final Clock clock;

    private IntentTrainer(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A trainer stamping models with the system clock (the evaluation and build tools). */
    public static IntentTrainer of(Config config) {
        return of(config, Clock.systemUTC());
    }

    /** A trainer stamping each model's {@code trainedAt} from {@code clock}. */
    public static IntentTrainer of(Config config, Clock clock) {
        return new IntentTrainer(config, clock);
    }

    public Config config() {
        return config;
    }

    /** Trains on labelled texts; {@code dataName} names the data in the provenance. */
    public IntentModel train(List<LabeledText> data, String dataName) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no training data");
        }
        NgramFeaturizer featurizer = config.featurizer();
        List<Map<String, Integer>> counts = new ArrayList<>(data.size());
        for (LabeledText item : data) {
            counts.add(featurizer.counts(item.text()));
        }
        TfIdfWeights weights =
                TfIdfWeights.fit(counts, config.minDocumentFrequency(), config.maxFeatures(), config.conceptBoost());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(dataName, labels), labels);
        for (int i = 0; i < data.size(); i++) {
            Map<String, Double> vector = weights.weigh(counts.get(i));
            if (!vector.isEmpty()) {
                dataset.add(IntentModel.example(
                        vector, labels.generateOutput(data.get(i).label())));
            }
        }
        var trainer = new LinearSGDTrainer(
                new LogMulticlass(),
                new AdaGrad(config.learningRate(), 1e-6),
                config.epochs(),
                config.epochs() * data.size() + 1,
                1,
                config.seed());
        Model<Label> model = trainer.train(dataset);
        ObjectNode manifest = Json.object();
        manifest.put("kind", "quanyu-intent-model");
        manifest.put("trainedAt", clock.instant().toString());
        manifest.put("data", dataName);
        manifest.put("dataSha256", digest(data));
        manifest.put("examples", data.size());
        manifest.put("vocabulary", weights.size());
        manifest.put("threshold", config.threshold());
        manifest.put("trainer", trainer.toString());
        manifest.put("minDocumentFrequency", config.minDocumentFrequency());
        manifest.put("maxFeatures", config.maxFeatures());
        manifest.put("conceptBoost", config.conceptBoost());
        manifest.put("spelling", config.spelling());
        manifest.put("relayedRequests", config.relayedRequests());
        ObjectNode f = manifest.putObject("featurizer");
        f.put("name", featurizer.describe());
        f.put("maxCjkGram", featurizer.maxCjkGram());
        f.put("minCharGram", featurizer.minCharGram());
        f.put("maxCharGram", featurizer.maxCharGram());
        var labelNames = manifest.putArray("labels");
        new TreeSet<>(data.stream().map(LabeledText::label).toList()).forEach(labelNames::add);
        EmbeddingIntentHead head = null;
        if (config.encoder() != null) {
            head = EmbeddingIntentHead.train(
                    config.encoder(),
                    data,
                    dataName,
                    config.embeddingEpochs(),
                    config.embeddingLearningRate(),
                    config.seed());
            ObjectNode e = manifest.putObject("embedding");
            e.put("encoder", config.encoder().name());
            e.put("dimension", config.encoder().dimension());
            e.put("weight", config.embeddingWeight());
            e.put("trainer", head.model().toString());
            e.put("neighbours", EmbeddingIntentHead.NEIGHBOURS);
            e.put("maxNeighboursPerIntent", EmbeddingIntentHead.MAX_NEIGHBOURS_PER_INTENT);
            e.put("familiarityFloor", config.familiarityFloor());
        }
        return new IntentModel(
                featurizer,
                weights,
                model,
                config.threshold(),
                manifest,
                head,
                config.embeddingWeight(),
                config.familiarityFloor());
    }

    /** SHA-256 over the texts and labels in order: ties a model to the exact data it saw. */
    public static String digest(List<LabeledText> data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (LabeledText item : data) {
                sha.update(item.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\t');
                sha.update(item.label().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Training settings. {@code encoder} null trains the n-gram model alone; otherwise an embedding
     * head is trained beside it and weighted {@code embeddingWeight} in the averaged probabilities,
     * and a text whose familiarity rank is below {@code familiarityFloor} is out of scope.
     */
    public record Config(
            NgramFeaturizer featurizer,
            int epochs,
            double learningRate,
            int minDocumentFrequency,
            int maxFeatures,
            double conceptBoost,
            double threshold,
            long seed,
            SentenceEncoder encoder,
            double embeddingWeight,
            int embeddingEpochs,
            double embeddingLearningRate,
            double familiarityFloor,
            boolean spelling,
            boolean relayedRequests) {
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Builds a {@link Config}; the defaults are the shipped model's settings except the encoder
         * (none unless given). The concept lexicon is off by default: it was written for one domain.
         */
        public static final class Builder {
            private NgramFeaturizer featurizer = NgramFeaturizer.of(3, 2, 5, ConceptLexicon.empty());
            private SentenceEncoder encoder;
            private double embeddingWeight = DEFAULT_EMBEDDING_WEIGHT;
            private int embeddingEpochs = 10;
            private double embeddingLearningRate = 0.5;
            private double familiarityFloor = DEFAULT_FAMILIARITY_FLOOR;
            private int epochs = 5;
            private double learningRate = 0.2;
            private int minDocumentFrequency = 2;
            private int maxFeatures = 200_000;
            private double conceptBoost = 30.0;
            private double threshold = 0.5;
            private long seed = 20261129L;
            private boolean spelling = true;
            private boolean relayedRequests = true;

            public Builder featurizer(NgramFeaturizer value) {
                featurizer = value;
                return this;
            }

            public Builder epochs(int value) {
                epochs = value;
                return this;
            }

            public Builder learningRate(double value) {
                learningRate = value;
                return this;
            }

            public Builder minDocumentFrequency(int value) {
                minDocumentFrequency = value;
                return this;
            }

            public Builder maxFeatures(int value) {
                maxFeatures = value;
                return this;
            }

            public Builder conceptBoost(double value) {
                conceptBoost = value;
                return this;
            }

            public Builder threshold(double value) {
                threshold = value;
                return this;
            }

            public Builder seed(long value) {
                seed = value;
                return this;
            }

            public Builder encoder(SentenceEncoder value) {
                encoder = value;
                return this;
            }

            public Builder embeddingWeight(double value) {
                embeddingWeight = value;
                return this;
            }

            public Builder embeddingEpochs(int value) {
                embeddingEpochs = value;
                return this;
            }

            public Builder embeddingLearningRate(double value) {
                embeddingLearningRate = value;
                return this;
            }

            public Builder familiarityFloor(double value) {
                familiarityFloor = value;
                return this;
            }

            /** Whether the model corrects unknown English words toward its training words ({@link Spelling}). */
            public Builder spelling(boolean value) {
                spelling = value;
                return this;
            }

            /** Whether a relayed request ("ask an agent how ...") is read by its passed-on question ({@link RelayedRequest}). */
            public Builder relayedRequests(boolean value) {
                relayedRequests = value;
                return this;
            }

            public Config build() {
                return new Config(
                        featurizer,
                        epochs,
                        learningRate,
                        minDocumentFrequency,
                        maxFeatures,
                        conceptBoost,
                        threshold,
                        seed,
                        encoder,
                        embeddingWeight,
                        embeddingEpochs,
                        embeddingLearningRate,
                        familiarityFloor,
                        spelling,
                        relayedRequests);
            }
        }
    }
}
