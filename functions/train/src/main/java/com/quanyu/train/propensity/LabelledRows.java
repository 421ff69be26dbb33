package com.quanyu.train.propensity;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A table of named numeric features with a yes/no label per row: what the classifier trainers
 * learn from, independent of where the rows came from (profiles, a public data set, orders).
 */
public final class LabelledRows {
    private final List<String> features;
    private final List<double[]> rows;
    private final boolean[] labels;

    private LabelledRows(List<String> features, List<double[]> rows, boolean[] labels) {
        this.features = List.copyOf(features);
        this.rows = rows;
        this.labels = labels;
    }

    public static LabelledRows of(List<String> features, List<double[]> rows, boolean[] labels) {
        if (rows.size() != labels.length) {
            throw new IllegalArgumentException("one label per row is required");
        }
        for (double[] row : rows) {
            if (row.length != features.size()) {
                throw new IllegalArgumentException("every row needs " + features.size() + " values");
            }
        }
        return new LabelledRows(features, List.copyOf(rows), labels.clone());
    }

    public List<String> features() {
        return features;
    }

    public int size() {
        return rows.size();
    }

    public double[] row(int i) {
        return rows.get(i);
    }

    public boolean label(int i) {
        return labels[i];
    }

    public boolean[] labels() {
        return labels.clone();
    }

    public long positives() {
        return IntStream.range(0, labels.length).filter(i -> labels[i]).count();
    }

    /** Per-feature means: the baselines explanations compare against. */
    public double[] means() {
        double[] means = new double[features.size()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                means[j] += row[j] / rows.size();
            }
        }
        return means;
    }

    /**
     * A copy without the features that never vary here: they carry no signal, and standardising
     * them divides by zero. Models trained on the copy ignore those features when scoring.
     */
    public LabelledRows withoutConstantFeatures() {
        List<Integer> keep = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            double first = rows.isEmpty() ? 0 : rows.get(0)[j];
            final int column = j;
            if (rows.stream().anyMatch(r -> r[column] != first)) {
                keep.add(j);
            }
        }
        if (keep.size() == features.size()) {
            return this;
        }
        List<String> names = keep.stream().map(features::get).toList();
        List<double[]> kept = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            kept.add(keep.stream().mapToDouble(j -> row[j]).toArray());
        }
        return new LabelledRows(names, kept, labels);
    }

    public LabelledRows subset(int[] indices) {
        List<double[]> picked = new ArrayList<>(indices.length);
        boolean[] pickedLabels = new boolean[indices.length];
        for (int k = 0; k < indices.length; k++) {
            picked.add(rows.get(indices[k]));
            pickedLabels[k] = labels[indices[k]];
        }
        return new LabelledRows(features, picked, pickedLabels);
    }

    /** A random split: the first part holds {@code fraction} of the rows (shuffled with {@code seed}). */
    public LabelledRows[] split(double fraction, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size()).boxed().toList());
        java.util.Collections.shuffle(order, new Random(seed));
        int cut = (int) Math.round(size() * fraction);
        int[] first = order.subList(0, cut).stream().mapToInt(Integer::intValue).toArray();
        int[] second =
                order.subList(cut, size()).stream().mapToInt(Integer::intValue).toArray();
        return new LabelledRows[] {subset(first), subset(second)};
    }
}
