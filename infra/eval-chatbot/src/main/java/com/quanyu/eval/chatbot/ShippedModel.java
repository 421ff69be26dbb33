package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.IntentTrainer;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.OnnxSentenceEncoder;
import com.quanyu.chatbot.nlu.ScriptRoutedEncoder;
import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the intent model the chatbot ships (Bitext 8k English + the project's English extras +
 * the project's Chinese utterances) and writes it into the function's resources, with the training
 * data's digest in its manifest (a test fails when the data changed but the model was not retrained).
 * The model is n-grams without the concept lexicon plus the embedding head over the routed MiniLM +
 * BGE small zh encoders, with the trainer's default familiarity floor (docs/chatbot.md). Embeddings
 * are cached under {@code target/embeddings}.
 *
 * <pre>java ... com.quanyu.eval.chatbot.ShippedModel [repo root, default .] [threshold, default 0.35] [output, default the shipped zip]</pre>
 */
public final class ShippedModel {
    /** Training files, relative to the repository root, in training order. */
    public static final List<String> TRAINING_FILES = List.of(
            "functions/chatbot/src/main/resources/intents/bitext/bitext_customer_service_8k.csv",
            "functions/chatbot/src/main/resources/intents/en-extra.tsv",
            "functions/chatbot/src/main/resources/intents/zh-train.tsv");

    public static final String MODEL_FILE = "functions/chatbot/src/main/resources/intents/intent-model.zip";

    private ShippedModel() {}

    public static List<LabeledText> trainingData(Path root) throws IOException {
        List<LabeledText> data = new ArrayList<>();
        for (String file : TRAINING_FILES) {
            data.addAll(IntentDataFiles.read(root.resolve(file).toString()));
        }
        return data;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : 0.35;
        Path out = args.length > 2 ? Path.of(args[2]) : root.resolve(MODEL_FILE);
        List<LabeledText> data = trainingData(root);
        long start = System.nanoTime();
        List<CachedSentenceEncoder> cached = new ArrayList<>();
        SentenceEncoder encoder = ScriptRoutedEncoder.resolve(ScriptRoutedEncoder.INTENTS, name -> {
            try {
                CachedSentenceEncoder one =
                        CachedSentenceEncoder.of(OnnxSentenceEncoder.of(name), root.resolve("target/embeddings"));
                cached.add(one);
                return one;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        IntentModel model = IntentTrainer.of(IntentTrainer.Config.builder()
                        .threshold(threshold)
                        .encoder(encoder)
                        .build())
                .train(
                        data,
                        String.join(
                                " + ",
                                TRAINING_FILES.stream()
                                        .map(f -> Path.of(f).getFileName().toString())
                                        .toList()));
        for (CachedSentenceEncoder one : cached) {
            one.close();
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.save(stream);
        }
        System.out.printf(
                Locale.ROOT,
                "trained on %d texts in %.1f s, vocabulary %d, threshold %.2f, familiarity floor %.3f -> %s (%d bytes)%n",
                data.size(),
                (System.nanoTime() - start) / 1e9,
                model.vocabularySize(),
                threshold,
                model.familiarityFloor(),
                out,
                Files.size(out));
    }
}
