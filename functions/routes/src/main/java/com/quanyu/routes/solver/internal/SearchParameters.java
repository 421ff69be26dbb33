package com.quanyu.routes.solver.internal;

/**
 * HGS parameters, defaults from Vidal (2022): population mu = 25, generation size lambda = 40,
 * 4 elites, diversity over the 5 closest, 20 granular neighbours, 20 % target feasibility,
 * restart after 20,000 iterations without improvement.
 */
public record SearchParameters(
        int mu,
        int lambda,
        int elite,
        int closest,
        int granularity,
        double targetFeasible,
        int restartAfter,
        double repairProbability) {
    public static SearchParameters defaults() {
        return new SearchParameters(25, 40, 4, 5, 20, 0.2, 20_000, 0.5);
    }

    public SearchParameters withGranularity(int value) {
        return new SearchParameters(mu, lambda, elite, closest, value, targetFeasible, restartAfter, repairProbability);
    }
}
