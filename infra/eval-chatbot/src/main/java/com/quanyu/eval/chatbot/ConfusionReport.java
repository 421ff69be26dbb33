package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.IntentPrediction;
import com.quanyu.chatbot.nlu.LabeledText;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Error analysis for a brand's own intents: per-label precision, recall and F1, the most frequent
 * (gold, predicted) confusions with an example, and the texts the model is least sure of (lowest
 * top probability: where more or clearer training utterances help most).
 */
final class ConfusionReport {
    private ConfusionReport() {}

    static void print(
            List<LabeledText> test, List<String> answers, List<IntentPrediction> predictions, PrintStream out) {
        Map<String, int[]> perLabel = new TreeMap<>();
        Map<String, Integer> confusions = new HashMap<>();
        Map<String, String> example = new HashMap<>();
        for (int i = 0; i < test.size(); i++) {
            LabeledText item = test.get(i);
            String guess = answers.get(i);
            int[] gold = perLabel.computeIfAbsent(item.label(), k -> new int[3]);
            gold[1]++;
            perLabel.computeIfAbsent(guess, k -> new int[3])[2]++;
            if (guess.equals(item.label())) {
                gold[0]++;
            } else {
                String key = item.label() + " -> " + guess;
                confusions.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, item.text());
            }
        }
        out.printf(Locale.ROOT, "  %-28s %5s %10s %8s %8s%n", "label", "gold", "precision", "recall", "F1");
        perLabel.forEach((label, c) -> {
            double precision = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double recall = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.printf(
                    Locale.ROOT,
                    "  %-28s %5d %9.1f %% %6.1f %% %6.1f %%%n",
                    label,
                    c[1],
                    100 * precision,
                    100 * recall,
                    100 * f1);
        });
        out.println("  most frequent confusions (gold -> answered):");
        confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> out.printf(
                        Locale.ROOT, "  %4d  %s   e.g. \"%s\"%n", e.getValue(), e.getKey(), example.get(e.getKey())));
        out.println("  least sure (lowest top probability; gold, best intent, probability):");
        IntStream.range(0, test.size())
                .boxed()
                .sorted(Comparator.comparingDouble(i -> predictions.get(i).confidence()))
                .limit(15)
                .forEach(i -> out.printf(
                        Locale.ROOT,
                        "  %.3f  %-24s %-24s \"%s\"%n",
                        predictions.get(i).confidence(),
                        test.get(i).label(),
                        predictions.get(i).intent(),
                        test.get(i).text()));
    }
}
