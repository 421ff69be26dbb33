package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.IntentTrainer;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.NgramFeaturizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the intent model the chatbot ships (Bitext 8k English + the project's English extras +
 * the project's Chinese utterances) and writes it into the function's resources, with the training
 * data's digest in its manifest (a test fails when the data changed but the model was not retrained).
 * The shipped model is still n-grams with the project's concept lexicon (the demo brand's opt-in);
 * the embedding head ({@code IntentEval --encoder}) is not shipped until it passes the dialogue
 * tests (docs/chatbot.md, "Known limits").
 *
 * <pre>java ... com.quanyu.eval.chatbot.ShippedModel [repo root, default .] [threshold, default 0.35]</pre>
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
        List<LabeledText> data = trainingData(root);
        long start = System.nanoTime();
        IntentModel model = IntentTrainer.of(IntentTrainer.Config.builder()
                        .featurizer(NgramFeaturizer.standard())
                        .threshold(threshold)
                        .build())
                .train(
                        data,
                        String.join(
                                " + ",
                                TRAINING_FILES.stream()
                                        .map(f -> Path.of(f).getFileName().toString())
                                        .toList()));
        Path out = root.resolve(MODEL_FILE);
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.save(stream);
        }
        System.out.printf(
                Locale.ROOT,
                "trained on %d texts in %.1f s, vocabulary %d, threshold %.2f -> %s (%d bytes)%n",
                data.size(),
                (System.nanoTime() - start) / 1e9,
                model.vocabularySize(),
                threshold,
                out,
                Files.size(out));
    }
}
