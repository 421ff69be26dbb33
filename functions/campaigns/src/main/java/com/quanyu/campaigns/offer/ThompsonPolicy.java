package com.quanyu.campaigns.offer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Thompson sampling over offer conversion (shown to redeemed), per context, with each campaign's
 * all-context rate as an informative prior: Beta(m·μ + r, m·(1-μ) + s - r), where μ is the
 * campaign's smoothed overall rate and m the prior strength. A sparse context therefore starts
 * from what the campaign does elsewhere instead of from ignorance.
 *
 * <p>Exploration is bounded: a sampled winner whose posterior mean trails the best mean by more
 * than {@code maxGap} is replaced by the best, so no decision gives up more than {@code maxGap}
 * of expected conversion to learn.
 *
 * @param priorStrength m, in pseudo-impressions
 * @param maxGap        largest expected-conversion sacrifice per decision
 */
public record ThompsonPolicy(double priorStrength, double maxGap) {

    /** One candidate arm and its counts. */
    public record Arm(String campaignId, ArmStats inContext, ArmStats overall) {}

    /**
     * The choice.
     *
     * @param campaignId    the chosen arm
     * @param sampledRate   its sampled conversion rate
     * @param posteriorMean its posterior mean
     * @param explored      true when the choice is not the arm with the best posterior mean
     * @param bounded       true when the sampled winner was replaced because it trailed by more than maxGap
     */
    public record Choice(
            String campaignId, double sampledRate, double posteriorMean, boolean explored, boolean bounded) {}

    public ThompsonPolicy {
        if (!(priorStrength > 0) || !(maxGap >= 0)) {
            throw new IllegalArgumentException("priorStrength must be positive and maxGap non-negative");
        }
    }

    public static ThompsonPolicy defaults() {
        return new ThompsonPolicy(10, 0.05);
    }

    public Optional<Choice> choose(List<Arm> arms, RandomGenerator random) {
        if (arms.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> posteriors = new ArrayList<>();
        for (Arm arm : arms) {
            posteriors.add(posterior(arm));
        }
        int sampled = 0;
        double bestSample = -1;
        int best = 0;
        for (int i = 0; i < arms.size(); i++) {
            double[] ab = posteriors.get(i);
            double draw = Distributions.beta(ab[0], ab[1], random);
            if (draw > bestSample) {
                bestSample = draw;
                sampled = i;
            }
            if (mean(ab) > mean(posteriors.get(best))) {
                best = i;
            }
        }
        boolean bounded = mean(posteriors.get(best)) - mean(posteriors.get(sampled)) > maxGap;
        int chosen = bounded ? best : sampled;
        return Optional.of(new Choice(
                arms.get(chosen).campaignId(),
                bounded ? mean(posteriors.get(best)) : bestSample,
                mean(posteriors.get(chosen)),
                chosen != best,
                bounded));
    }

    /** Beta parameters of an arm's posterior. */
    public double[] posterior(Arm arm) {
        double mu = (1.0 + arm.overall().redeemed()) / (2.0 + arm.overall().shown());
        double alpha = priorStrength * mu + arm.inContext().redeemed();
        double beta = priorStrength * (1 - mu)
                + arm.inContext().shown()
                - arm.inContext().redeemed();
        return new double[] {alpha, beta};
    }

    static double mean(double[] ab) {
        return ab[0] / (ab[0] + ab[1]);
    }

    /** The arm with the best posterior mean (for reports). */
    public Optional<Arm> greedy(List<Arm> arms) {
        return arms.stream().max(Comparator.comparingDouble(a -> mean(posterior(a))));
    }
}
