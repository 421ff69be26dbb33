package com.quanyu.shared.ml.recommend;

import com.quanyu.shared.ml.recommend.internal.Cholesky;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;

/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky,
 * "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008). Every user-item cell has a
 * preference (1 if any interaction, else 0) and a confidence {@code 1 + alpha * weight}; each
 * half-step solves one small ridge system per row using the precomputed Gram matrix, so unobserved
 * cells cost nothing individually.
 *
 * <p>Only item factors are kept: a person's factor is folded in at request time from their
 * current history (one {@code f x f} solve), so new activity counts immediately.
 */
public final class ImplicitAls implements ItemScorer {
    public static final String NAME = "als";

    /** Hyper-parameters. */
    public record Params(int factors, double regularization, double alpha, int iterations, long seed) {
        /** Chosen on the Groceries grid (docs/BENCHMARKS.md): sparse baskets need strong regularisation. */
        public static Params defaults() {
            return new Params(16, 50, 1, 10, 42);
        }
    }

    private final int factors;
    private final double regularization;
    private final double alpha;
    private final double[][] itemFactors;
    private final double[][] gram; // Y^T Y, shared by every fold-in

    private ImplicitAls(int factors, double regularization, double alpha, double[][] itemFactors) {
        this.factors = factors;
        this.regularization = regularization;
        this.alpha = alpha;
        this.itemFactors = itemFactors;
        this.gram = gram(itemFactors, factors);
    }

    public static ImplicitAls fit(Interactions data, Params params) {
        int f = params.factors();
        Random random = new Random(params.seed());
        double[][] users = new double[data.userCount()][f];
        double[][] items = new double[data.itemCount()][f];
        for (double[] row : items) {
            for (int k = 0; k < f; k++) {
                row[k] = random.nextGaussian() * 0.01;
            }
        }
        for (int iteration = 0; iteration < params.iterations(); iteration++) {
            double[][] itemGram = gram(items, f);
            for (int u = 0; u < users.length; u++) {
                users[u] = solve(itemGram, items, f, params, data, u, true);
            }
            double[][] userGram = gram(users, f);
            for (int i = 0; i < items.length; i++) {
                items[i] = solve(userGram, users, f, params, data, i, false);
            }
        }
        return new ImplicitAls(f, params.regularization(), params.alpha(), items);
    }

    /** One row's least-squares solution: (G + Y^T (C - I) Y + lambda I) x = Y^T C p. */
    private static double[] solve(
            double[][] gram, double[][] other, int f, Params params, Interactions data, int row, boolean userRow) {
        double[][] a = new double[f][];
        for (int k = 0; k < f; k++) {
            a[k] = gram[k].clone();
            a[k][k] += params.regularization();
        }
        double[] b = new double[f];
        int start = userRow ? data.userStart(row) : data.itemStart(row);
        int end = userRow ? data.userEnd(row) : data.itemEnd(row);
        for (int p = start; p < end; p++) {
            int j = userRow ? data.userItem(p) : data.itemUser(p);
            double weight = userRow ? data.userWeight(p) : data.itemWeight(p);
            accumulate(a, b, other[j], params.alpha() * weight, f);
        }
        return Cholesky.solve(a, b);
    }

    private static void accumulate(double[][] a, double[] b, double[] y, double extraConfidence, int f) {
        double confidence = 1 + extraConfidence;
        for (int k = 0; k < f; k++) {
            double yk = y[k];
            b[k] += confidence * yk;
            double scaled = extraConfidence * yk;
            double[] ak = a[k];
            for (int l = 0; l < f; l++) {
                ak[l] += scaled * y[l];
            }
        }
    }

    private static double[][] gram(double[][] rows, int f) {
        double[][] g = new double[f][f];
        for (double[] row : rows) {
            for (int k = 0; k < f; k++) {
                double rk = row[k];
                for (int l = k; l < f; l++) {
                    g[k][l] += rk * row[l];
                }
            }
        }
        for (int k = 0; k < f; k++) {
            for (int l = 0; l < k; l++) {
                g[k][l] = g[l][k];
            }
        }
        return g;
    }

    /** The factor of a person with this history, as the user half-step would compute it. */
    public double[] foldIn(Map<Integer, Float> history) {
        double[][] a = new double[factors][];
        for (int k = 0; k < factors; k++) {
            a[k] = gram[k].clone();
            a[k][k] += regularization;
        }
        double[] b = new double[factors];
        history.forEach((item, weight) -> accumulate(a, b, itemFactors[item], alpha * weight, factors));
        return Cholesky.solve(a, b);
    }

    @Override
    public float[] scores(Map<Integer, Float> history) {
        float[] scores = new float[itemFactors.length];
        if (history.isEmpty()) {
            return scores;
        }
        double[] user = foldIn(history);
        for (int i = 0; i < itemFactors.length; i++) {
            double s = 0;
            double[] y = itemFactors[i];
            for (int k = 0; k < factors; k++) {
                s += user[k] * y[k];
            }
            scores[i] = (float) s;
        }
        return scores;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(factors);
        out.writeDouble(regularization);
        out.writeDouble(alpha);
        out.writeInt(itemFactors.length);
        for (double[] row : itemFactors) {
            for (double v : row) {
                out.writeFloat((float) v);
            }
        }
    }

    static ImplicitAls read(DataInputStream in) throws IOException {
        int f = in.readInt();
        double regularization = in.readDouble();
        double alpha = in.readDouble();
        double[][] items = new double[in.readInt()][f];
        for (double[] row : items) {
            for (int k = 0; k < f; k++) {
                row[k] = in.readFloat();
            }
        }
        return new ImplicitAls(f, regularization, alpha, items);
    }
}
