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
 * @param dispersion likelihood tempering, see {@link ChannelPosterior}
 */
public record BudgetPlanner(double dispersion) {

    /** How a plan was made. */
    public enum Method { THOMPSON, GREEDY }

    /**
     * One channel's share.
     *
     * @param channel             the channel
     * @param spend               tomorrow's spend
     * @param expectedConversions posterior expected conversions at that spend
     * @param marginalPerUnit     posterior expected extra conversions per extra currency unit there
     */
    public record Line(String channel, double spend, double expectedConversions, double marginalPerUnit) {
    }

    /** The plan. */
    public record Plan(Method method, double budget, List<Line> lines, double expectedConversions) {
    }

    public static BudgetPlanner defaults() {
        return new BudgetPlanner(2.0);
    }

    public Plan plan(Map<String, List<SpendObservation>> history, List<ChannelBounds> bounds, double budget,
                     Method method, RandomGenerator random) {
        List<ChannelPosterior> posteriors = new ArrayList<>();
        List<ResponseCurve> curves = new ArrayList<>();
        for (ChannelBounds b : bounds) {
            List<SpendObservation> days = history.getOrDefault(b.channel(), List.of());
            double typical = Math.max(b.max() > 0 ? b.max() / 2 : 0,
                    days.stream().mapToDouble(SpendObservation::spend).average().orElse(0));
            ChannelPosterior posterior = ChannelPosterior.fit(days, Math.max(typical, budget / bounds.size() / 2 + 1e-9), dispersion);
            posteriors.add(posterior);
            curves.add(method == Method.THOMPSON ? posterior.sample(random) : posterior.mode());
        }
        double[] spend = BudgetAllocator.allocate(curves, bounds, budget);
        List<Line> lines = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < bounds.size(); i++) {
            ChannelPosterior p = posteriors.get(i);
            double expected = p.expectedConversions(spend[i]);
            double marginal = p.expectedConversions(spend[i] + 1) - expected;
            lines.add(new Line(bounds.get(i).channel(), spend[i], expected, marginal));
            total += expected;
        }
        return new Plan(method, budget, lines, total);
    }
}
