package com.quanyu.routes.solver.internal;

import com.quanyu.routes.model.DistanceMatrix;
import com.quanyu.routes.model.Problem;
import java.util.Random;

/** Small random problems for property tests: plain CVRP, with route duration, or with windows. */
final class RandomProblems {
    enum Kind {
        CVRP,
        DURATION,
        WINDOWS
    }

    private RandomProblems() {}

    static Problem of(Kind kind, int customers, long seed) {
        Random random = new Random(seed);
        Problem.Builder b = Problem.builder()
                .name(kind + "-" + customers + "-" + seed)
                .capacity(20)
                .metric(DistanceMatrix.Metric.EUCLIDEAN);
        double horizon = 400;
        b.node("depot", 50, 50, 0, 0, kind == Kind.WINDOWS ? horizon : Double.POSITIVE_INFINITY, 0);
        for (int i = 1; i <= customers; i++) {
            double x = random.nextDouble() * 100;
            double y = random.nextDouble() * 100;
            int demand = 1 + random.nextInt(8);
            if (kind == Kind.WINDOWS) {
                double open = random.nextDouble() * 250;
                b.node("c" + i, x, y, demand, open, open + 30 + random.nextDouble() * 60, 5);
            } else {
                b.node("c" + i, x, y, demand, kind == Kind.DURATION ? 10 : 0);
            }
        }
        if (kind == Kind.DURATION) {
            b.maxRouteDuration(220);
        }
        return b.build();
    }
}
