package com.quanyu.eval.campaigns;

import com.quanyu.campaigns.budget.BudgetAllocator;
import com.quanyu.campaigns.budget.BudgetPlanner;
import com.quanyu.campaigns.budget.SpendObservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs the ad budget allocator against simulated markets with known response curves and prints
 * cumulative regret (expected conversions lost) against the oracle allocation, for the Bayesian
 * Thompson planner, a greedy planner on the same posterior (no exploration), and an even split.
 *
 * <p>Usage: {@code BudgetSimulation [--seeds 20] [--days 90] [--channels 6] [--budget 20000] [--draws n] [--first-seed 1]}.
 * The planner's settings were chosen on markets from {@code --first-seed 1000}; the reported figures use
 * the default markets from seed 1, which the choice never saw.
 * Each seed is a different market; every policy sees the same market and the same noise stream
 * seed, and learns only from what it spent.
 */
public final class BudgetSimulation {
    private BudgetSimulation() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int seeds = Integer.parseInt(options.getOrDefault("seeds", "20"));
        int days = Integer.parseInt(options.getOrDefault("days", "90"));
        int channels = Integer.parseInt(options.getOrDefault("channels", "6"));
        double budget = Double.parseDouble(options.getOrDefault("budget", "20000"));
        int firstSeed = Integer.parseInt(options.getOrDefault("first-seed", "1"));
        int draws = Integer.parseInt(options.getOrDefault("draws", Integer.toString(BudgetPlanner.DEFAULT_DRAWS)));
        long started = System.nanoTime();
        String[] policies = {"thompson", "greedy", "even"};
        double[][] regret = new double[policies.length][seeds];
        double[][] lastWeek = new double[policies.length][seeds];
        double[][] firstTwoWeeks = new double[policies.length][seeds];
        double[] oracleTotal = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            SimulatedMarket market = SimulatedMarket.random(channels, budget, new SplittableRandom(firstSeed + seed));
            double oracle = BudgetAllocator.expectedConversions(
                    market.curves, BudgetAllocator.allocate(market.curves, market.bounds, budget));
            oracleTotal[seed] = oracle * days;
            for (int p = 0; p < policies.length; p++) {
                double[] daily =
                        run(policies[p], market, days, draws, new SplittableRandom((firstSeed + seed) * 7919L + 17));
                for (int d = 0; d < days; d++) {
                    regret[p][seed] += oracle - daily[d];
                    if (d < 14) {
                        firstTwoWeeks[p][seed] += oracle - daily[d];
                    }
                    if (d >= days - 7) {
                        lastWeek[p][seed] += (oracle - daily[d]) / 7;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "Ad budget allocation: %d simulated markets x %d days, %d channels, budget %.0f/day,"
                        + " bounds 2%%-50%% per channel, negative-binomial days, %d posterior draw(s) per Thompson plan%n",
                seeds,
                days,
                channels,
                budget,
                draws);
        System.out.printf(
                Locale.ROOT, "oracle expected conversions per run: %.0f (mean over markets)%n", mean(oracleTotal));
        System.out.printf(
                Locale.ROOT,
                "%-10s %22s %13s %20s %22s%n",
                "policy",
                "cum. regret (mean±sd)",
                "% of oracle",
                "days 1-14 regret",
                "last-7-day regret/day");
        for (int p = 0; p < policies.length; p++) {
            double[] share = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                share[s] = 100 * regret[p][s] / oracleTotal[s];
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %12.0f ± %-7.0f %12.2f%% %20.0f %22.2f%n",
                    policies[p],
                    mean(regret[p]),
                    sd(regret[p]),
                    mean(share),
                    mean(firstTwoWeeks[p]),
                    mean(lastWeek[p]));
        }
        int wins = 0;
        for (int s = 0; s < seeds; s++) {
            if (regret[0][s] < regret[2][s]) {
                wins++;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "thompson vs even split: %.0f more conversions per run (regret %.1f%% of the even split's); lower regret in %d of %d markets%n",
                mean(regret[2]) - mean(regret[0]),
                100 * mean(regret[0]) / mean(regret[2]),
                wins,
                seeds);
        System.out.printf(Locale.ROOT, "time: %.1f s%n", seconds);
    }

    /** Expected conversions (under the true curves) of each day's allocation by a policy. */
    private static double[] run(String policy, SimulatedMarket market, int days, int draws, SplittableRandom random) {
        Map<String, List<SpendObservation>> history = new HashMap<>();
        market.bounds.forEach(b -> history.put(b.channel(), new ArrayList<>()));
        BudgetPlanner planner = new BudgetPlanner(0, draws);
        double[] daily = new double[days];
        for (int d = 0; d < days; d++) {
            double[] spend = switch (policy) {
                case "even" -> BudgetAllocator.evenSplit(market.bounds, market.budget);
                case "greedy" ->
                    spend(planner.plan(history, market.bounds, market.budget, BudgetPlanner.Method.GREEDY, random));
                default ->
                    spend(planner.plan(history, market.bounds, market.budget, BudgetPlanner.Method.THOMPSON, random));
            };
            daily[d] = BudgetAllocator.expectedConversions(market.curves, spend);
            for (int i = 0; i < spend.length; i++) {
                history.get(market.bounds.get(i).channel())
                        .add(new SpendObservation(spend[i], market.observe(i, spend[i], random)));
            }
        }
        return daily;
    }

    private static double[] spend(BudgetPlanner.Plan plan) {
        return plan.lines().stream().mapToDouble(BudgetPlanner.Line::spend).toArray();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return values.length < 2 ? 0 : Math.sqrt(sum / (values.length - 1));
    }
}
