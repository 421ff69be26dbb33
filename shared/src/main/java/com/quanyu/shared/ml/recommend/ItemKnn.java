package com.quanyu.shared.ml.recommend;

import com.quanyu.shared.ml.recommend.internal.TopN;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Item-to-item collaborative filtering: cosine similarity between item columns of the
 * interaction matrix, keeping each item's {@code k} nearest neighbours. A person's score for an
 * item is the similarity-weighted sum over the items in their history.
 */
public final class ItemKnn implements ItemScorer {
    public static final String NAME = "item-knn";

    private final int[][] neighbours;
    private final float[][] similarities;

    private ItemKnn(int[][] neighbours, float[][] similarities) {
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /** Fits with plain cosine similarity, keeping {@code k} neighbours per item. */
    public static ItemKnn fit(Interactions data, int k) {
        return fit(data, k, 0.5);
    }

    /**
     * Fits with asymmetric cosine similarity (Aiolli 2013): {@code sim(i -> j) = dot(i, j) /
     * (|i|^(2a) |j|^(2(1-a)))}. {@code a = 0.5} is the cosine; {@code a -> 1} approaches the
     * conditional probability of {@code j} given {@code i}, which favours popular partners.
     */
    public static ItemKnn fit(Interactions data, int k, double asymmetry) {
        if (asymmetry < 0 || asymmetry > 1) {
            throw new IllegalArgumentException("asymmetry must be in [0, 1]");
        }
        int n = data.itemCount();
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int p = data.itemStart(i); p < data.itemEnd(i); p++) {
                sum += (double) data.itemWeight(p) * data.itemWeight(p);
            }
            norms[i] = sum;
        }
        int[][] neighbours = new int[n][];
        float[][] similarities = new float[n][];
        float[] dots = new float[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(dots, 0f);
            for (int p = data.itemStart(i); p < data.itemEnd(i); p++) {
                int u = data.itemUser(p);
                float wi = data.itemWeight(p);
                for (int q = data.userStart(u); q < data.userEnd(u); q++) {
                    dots[data.userItem(q)] += wi * data.userWeight(q);
                }
            }
            dots[i] = 0f;
            for (int j = 0; j < n; j++) {
                if (dots[j] > 0) {
                    dots[j] = (float) (dots[j] / (Math.pow(norms[i], asymmetry) * Math.pow(norms[j], 1 - asymmetry)));
                }
            }
            int[] top = TopN.of(dots, k, j -> true);
            neighbours[i] = top;
            similarities[i] = new float[top.length];
            for (int t = 0; t < top.length; t++) {
                similarities[i][t] = dots[top[t]];
            }
        }
        return new ItemKnn(neighbours, similarities);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public float[] scores(Map<Integer, Float> history) {
        float[] scores = new float[neighbours.length];
        history.forEach((item, weight) -> {
            int[] near = neighbours[item];
            float[] sims = similarities[item];
            for (int t = 0; t < near.length; t++) {
                scores[near[t]] += weight * sims[t];
            }
        });
        return scores;
    }

    /** The nearest neighbours of one item with their similarities, best first. */
    public int[] neighbours(int item) {
        return neighbours[item].clone();
    }

    public float similarity(int item, int rank) {
        return similarities[item][rank];
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(neighbours.length);
        for (int i = 0; i < neighbours.length; i++) {
            out.writeInt(neighbours[i].length);
            for (int t = 0; t < neighbours[i].length; t++) {
                out.writeInt(neighbours[i][t]);
                out.writeFloat(similarities[i][t]);
            }
        }
    }

    static ItemKnn read(DataInputStream in) throws IOException {
        int n = in.readInt();
        int[][] neighbours = new int[n][];
        float[][] similarities = new float[n][];
        for (int i = 0; i < n; i++) {
            int k = in.readInt();
            neighbours[i] = new int[k];
            similarities[i] = new float[k];
            for (int t = 0; t < k; t++) {
                neighbours[i][t] = in.readInt();
                similarities[i][t] = in.readFloat();
            }
        }
        return new ItemKnn(neighbours, similarities);
    }
}
