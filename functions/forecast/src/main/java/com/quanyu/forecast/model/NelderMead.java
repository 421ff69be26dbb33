package com.quanyu.forecast.model;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A small Nelder-Mead simplex minimiser for the few smoothing parameters of a model. Bounds are
 * the objective's business: it returns a large value outside them.
 */
final class NelderMead {
    private NelderMead() {}

    /**
     * Minimises {@code f} from {@code start}, with initial steps {@code step} per coordinate.
     *
     * @return the best point found (a new array)
     */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double[] step, int maxEvaluations) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        simplex[0] = start.clone();
        values[0] = f.applyAsDouble(simplex[0]);
        for (int i = 0; i < d; i++) {
            double[] p = start.clone();
            p[i] += step[i];
            simplex[i + 1] = p;
            values[i + 1] = f.applyAsDouble(p);
        }
        int evaluations = d + 1;
        Integer[] order = new Integer[d + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            int best = order[0];
            int worst = order[d];
            int secondWorst = order[d - 1];
            if (Math.abs(values[worst] - values[best]) <= 1e-10 * (Math.abs(values[best]) + 1e-12)) {
                break;
            }
            double[] centroid = new double[d];
            for (int i = 0; i <= d; i++) {
                if (i != worst) {
                    for (int j = 0; j < d; j++) {
                        centroid[j] += simplex[i][j] / d;
                    }
                }
            }
            double[] reflected = along(centroid, simplex[worst], -1.0);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[best]) {
                double[] expanded = along(centroid, simplex[worst], -2.0);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[worst] = expanded;
                    values[worst] = fe;
                } else {
                    simplex[worst] = reflected;
                    values[worst] = fr;
                }
            } else if (fr < values[secondWorst]) {
                simplex[worst] = reflected;
                values[worst] = fr;
            } else {
                double[] contracted = along(centroid, simplex[worst], 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < values[worst]) {
                    simplex[worst] = contracted;
                    values[worst] = fc;
                } else {
                    for (int i = 0; i <= d; i++) {
                        if (i != best) {
                            for (int j = 0; j < d; j++) {
                                simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                            }
                            values[i] = f.applyAsDouble(simplex[i]);
                            evaluations++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best].clone();
    }

    /** centroid + t * (point - centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return out;
    }
}
