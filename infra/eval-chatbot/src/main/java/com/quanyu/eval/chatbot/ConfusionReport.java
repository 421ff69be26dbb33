package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.LabeledText;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Per-label recall and the most frequent (gold, predicted) confusions, for error analysis. */
final class ConfusionReport {
    private ConfusionReport() {
    }

    static void print(List<LabeledText> test, List<String> answers, PrintStream out) {
        Map<String, int[]> perLabel = new TreeMap<>();
        Map<String, Integer> confusions = new HashMap<>();
        Map<String, String> example = new HashMap<>();
        for (int i = 0; i < test.size(); i++) {
            LabeledText item = test.get(i);
            String guess = answers.get(i);
            int[] c = perLabel.computeIfAbsent(item.label(), k -> new int[2]);
            c[1]++;
            if (guess.equals(item.label())) {
                c[0]++;
            } else {
                String key = item.label() + " -> " + guess;
                confusions.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, item.text());
            }
        }
        perLabel.forEach((label, c) -> out.printf(Locale.ROOT, "  %-28s %5d  recall %.1f %%%n", label, c[1], 100.0 * c[0] / c[1]));
        confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> out.printf(Locale.ROOT, "  %4d  %s   e.g. \"%s\"%n", e.getValue(), e.getKey(), example.get(e.getKey())));
    }
}
