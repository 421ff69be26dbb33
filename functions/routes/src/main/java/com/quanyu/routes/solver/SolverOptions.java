package com.quanyu.routes.solver;

import java.time.Duration;

/**
 * Stopping rules and settings of a solve. The search stops at whichever limit comes first: the
 * time limit, the iteration limit, or the number of iterations without improvement. With an
 * iteration limit and no binding time limit a solve is reproducible for its seed.
 */
public record SolverOptions(
        Duration timeLimit,
        long maxIterations,
        long maxIterationsWithoutImprovement,
        long seed,
        int threads,
        int granularity) {
    public SolverOptions {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (threads < 1 || maxIterations < 1 || maxIterationsWithoutImprovement < 1 || granularity < 1) {
            throw new IllegalArgumentException("threads, iteration limits and granularity must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds options; defaults: 10 s, no iteration limits, seed 1, two threads, 20 neighbours. */
    public static final class Builder {
        private Duration timeLimit = Duration.ofSeconds(10);
        private long maxIterations = Long.MAX_VALUE;
        private long maxIterationsWithoutImprovement = Long.MAX_VALUE;
        private long seed = 1;
        private int threads = 2;
        private int granularity = 20;

        public Builder timeLimit(Duration value) {
            this.timeLimit = value;
            return this;
        }

        public Builder maxIterations(long value) {
            this.maxIterations = value;
            return this;
        }

        public Builder maxIterationsWithoutImprovement(long value) {
            this.maxIterationsWithoutImprovement = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder threads(int value) {
            this.threads = value;
            return this;
        }

        public Builder granularity(int value) {
            this.granularity = value;
            return this;
        }

        public SolverOptions build() {
            return new SolverOptions(
                    timeLimit, maxIterations, maxIterationsWithoutImprovement, seed, threads, granularity);
        }
    }
}
