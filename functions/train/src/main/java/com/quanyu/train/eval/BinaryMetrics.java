package com.quanyu.train.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranking metrics of scores against yes/no labels: AUC-ROC, AUC-PR and precision at a threshold. */
public final class BinaryMetrics {
    private BinaryMetrics() {}

    /** Area under the ROC curve (Mann-Whitney U with tie correction); NaN without both classes. */
    public static double aucRoc(double[] scores, boolean[] labels) {
        check(scores, labels);
        Integer[] order = sortedAscending(scores);
        double[] ranks = new double[scores.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        long positives =
                IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                sum += ranks[i];
            }
        }
        return (sum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Area under the precision-recall curve as average precision (tied scores form one step). */
    public static double aucPr(double[] scores, boolean[] labels) {
        check(scores, labels);
        Integer[] order = sortedAscending(scores);
        long positives =
                IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        for (int i = order.length - 1; i >= 0; ) {
            int j = i;
            long groupPositives = 0;
            while (j >= 0 && scores[order[j]] == scores[order[i]]) {
                if (labels[order[j]]) {
                    groupPositives++;
                }
                j--;
            }
            seen += i - j;
            tp += groupPositives;
            ap += (double) groupPositives / positives * ((double) tp / seen);
            i = j;
        }
        return ap;
    }

    /** Share of true labels among scores at or above {@code threshold}; NaN when nothing reaches it. */
    public static double precisionAt(double[] scores, boolean[] labels, double threshold) {
        check(scores, labels);
        long flagged = 0;
        long correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                flagged++;
                if (labels[i]) {
                    correct++;
                }
            }
        }
        return flagged == 0 ? Double.NaN : (double) correct / flagged;
    }

    /** Share of true labels that score at or above {@code threshold}. */
    public static double recallAt(double[] scores, boolean[] labels, double threshold) {
        check(scores, labels);
        long positives = 0;
        long found = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i]) {
                positives++;
                if (scores[i] >= threshold) {
                    found++;
                }
            }
        }
        return positives == 0 ? Double.NaN : (double) found / positives;
    }

    private static Integer[] sortedAscending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    private static void check(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
    }
}
