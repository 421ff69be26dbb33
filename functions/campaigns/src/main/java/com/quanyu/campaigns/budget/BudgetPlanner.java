package com.quanyu.campaigns.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Tomorrow's budget split: fit each channel's posterior from its history, draw one curve per
 * channel (Thompson sampling: channels the data is unsure about get tried in proportion to the
 * chance they are better), and allocate optimally for the drawn curves within the bounds.
 *
 * <p>With {@code draws > 1} the plan is the average of the allocations for several draws: still
 * randomised by the posterior (so it explores where the data is unsure), with less day-to-day
 * swing than a single draw. The average of feasible allocations is feasible (the bounds and the
 * budget are linear constraints).
 *
 * @param dispersion likelihood tempering (see {@link ChannelPosterior}); 0 estimates it per channel from the data
 * @param draws      posterior draws averaged per Thompson plan
 */
public record BudgetPlanner(double dispersion, int draws) {

    /** How a plan was made. */
    public enum Method {
        THOMPSON,
        GREEDY
    }

    /**
     * One channel's share.
     *
     * @param channel             the channel
     * @param spend               tomorrow's spend
     * @param expectedConversions posterior expected conversions at that spend
     * @param marginalPerUnit     posterior expected extra conversions per extra currency unit there
     */
    public record Line(String channel, double spend, double expectedConversions, double marginalPerUnit) {}

    /**
     * The plan.
     *
     * @param posteriors each line's channel posterior, in the order of {@code lines} (for response curves)
     */
    public record Plan(
            Method method,
            double budget,
            List<Line> lines,
            double expectedConversions,
            List<ChannelPosterior> posteriors) {}

    public BudgetPlanner {
        if (!(dispersion == 0 || dispersion >= 1)) {
            throw new IllegalArgumentException("dispersion must be 0 (estimate) or at least 1");
        }
        if (draws < 1 || draws > 100) {
            throw new IllegalArgumentException("draws must be between 1 and 100");
        }
    }

    /** Draws per plan in {@link #defaults()}, chosen with the simulation in infra/eval-campaigns. */
    public static final int DEFAULT_DRAWS = 8;

    /** Dispersion estimated per channel. */
    public static BudgetPlanner defaults() {
        return new BudgetPlanner(0, DEFAULT_DRAWS);
    }

    public Plan plan(
            Map<String, List<SpendObservation>> history,
            List<ChannelBounds> bounds,
            double budget,
            Method method,
            RandomGenerator random) {
        List<ChannelPosterior> posteriors = new ArrayList<>();
        for (ChannelBounds b : bounds) {
            List<SpendObservation> days = history.getOrDefault(b.channel(), List.of());
            double typical = Math.max(
                    b.max() > 0 ? b.max() / 2 : 0,
                    days.stream().mapToDouble(SpendObservation::spend).average().orElse(0));
            double scale = Math.max(typical, budget / bounds.size() / 2 + 1e-9);
            ChannelPosterior posterior = dispersion == 0
                    ? ChannelPosterior.fitEstimatingDispersion(days, scale, 2.0)
                    : ChannelPosterior.fit(days, scale, dispersion);
            posteriors.add(posterior);
        }
        double[] spend = new double[bounds.size()];
        int rounds = method == Method.THOMPSON ? draws : 1;
        for (int round = 0; round < rounds; round++) {
            List<ResponseCurve> curves = posteriors.stream()
                    .map(p -> method == Method.THOMPSON ? p.sample(random) : p.mode())
                    .toList();
            double[] allocation = BudgetAllocator.allocate(curves, bounds, budget);
            for (int i = 0; i < spend.length; i++) {
                spend[i] += allocation[i] / rounds;
            }
        }
        List<Line> lines = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < bounds.size(); i++) {
            ChannelPosterior p = posteriors.get(i);
            double expected = p.expectedConversions(spend[i]);
            double marginal = p.expectedConversions(spend[i] + 1) - expected;
            lines.add(new Line(bounds.get(i).channel(), spend[i], expected, marginal));
            total += expected;
        }
        return new Plan(method, budget, lines, total, List.copyOf(posteriors));
    }
}
