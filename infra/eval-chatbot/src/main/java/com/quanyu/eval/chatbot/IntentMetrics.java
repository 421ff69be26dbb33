package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.LabeledText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scores predictions the way CLINC150 reports them: in-scope accuracy (a below-threshold answer to
 * an in-scope text counts as wrong), out-of-scope recall, plus overall accuracy and macro-F1 over
 * every gold label (out-of-scope included as one class when the test set has it).
 */
public record IntentMetrics(
        int inScope, int outOfScope, double inScopeAccuracy, double outOfScopeRecall, double accuracy, double macroF1) {

    static IntentMetrics of(List<LabeledText> test, List<String> predicted, String oosLabel) {
        int inScope = 0;
        int inScopeCorrect = 0;
        int oos = 0;
        int oosCorrect = 0;
        Map<String, int[]> counts = new HashMap<>(); // label -> {tp, fp, fn}
        for (int i = 0; i < test.size(); i++) {
            String gold = test.get(i).label();
            String guess = predicted.get(i);
            boolean correct = gold.equals(guess);
            if (gold.equals(oosLabel)) {
                oos++;
                oosCorrect += correct ? 1 : 0;
            } else {
                inScope++;
                inScopeCorrect += correct ? 1 : 0;
            }
            if (correct) {
                counts.computeIfAbsent(gold, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(guess, k -> new int[3])[1]++;
                counts.computeIfAbsent(gold, k -> new int[3])[2]++;
            }
        }
        TreeSet<String> goldLabels =
                new TreeSet<>(test.stream().map(LabeledText::label).toList());
        double f1Sum = 0;
        for (String label : goldLabels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new IntentMetrics(
                inScope,
                oos,
                inScope == 0 ? Double.NaN : inScopeCorrect / (double) inScope,
                oos == 0 ? Double.NaN : oosCorrect / (double) oos,
                test.isEmpty() ? Double.NaN : (inScopeCorrect + oosCorrect) / (double) test.size(),
                goldLabels.isEmpty() ? Double.NaN : f1Sum / goldLabels.size());
    }

    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "in-scope %d, oos %d | in-scope accuracy %s | oos recall %s | accuracy %s | macro-F1 %s",
                inScope,
                outOfScope,
                pct(inScopeAccuracy),
                pct(outOfScopeRecall),
                pct(accuracy),
                pct(macroF1));
    }

    private static String pct(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f %%", 100 * value);
    }
}
