package com.quanyu.campaigns.offer;

import java.util.random.RandomGenerator;

/** Samplers the bandits need and the JDK lacks: Gamma (Marsaglia and Tsang, 2000) and Beta from two Gammas. */
public final class Distributions {
    private Distributions() {}

    /** A draw from Gamma(shape, scale 1). */
    public static double gamma(double shape, RandomGenerator random) {
        if (!(shape > 0)) {
            throw new IllegalArgumentException("shape must be positive: " + shape);
        }
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a)
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** A draw from Beta(alpha, beta). */
    public static double beta(double alpha, double beta, RandomGenerator random) {
        double x = gamma(alpha, random);
        double y = gamma(beta, random);
        return x / (x + y);
    }
}
