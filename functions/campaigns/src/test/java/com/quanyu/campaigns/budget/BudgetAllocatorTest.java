package com.quanyu.campaigns.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BudgetAllocatorTest {
    private final List<ResponseCurve> curves =
            List.of(new ResponseCurve(100, 2000), new ResponseCurve(60, 500), new ResponseCurve(200, 8000));
    private final List<ChannelBounds> open = List.of(
            new ChannelBounds("a", 0, 10_000), new ChannelBounds("b", 0, 10_000), new ChannelBounds("c", 0, 10_000));

    @Test
    void matchesABruteForceSearchAndSpendsExactlyTheBudget() {
        double budget = 6000;
        double[] spend = BudgetAllocator.allocate(curves, open, budget);
        assertEquals(budget, spend[0] + spend[1] + spend[2], 1e-6);
        double best = 0;
        for (int a = 0; a <= 6000; a += 25) {
            for (int b = 0; a + b <= 6000; b += 25) {
                best = Math.max(best, BudgetAllocator.expectedConversions(curves, new double[] {a, b, 6000 - a - b}));
            }
        }
        double ours = BudgetAllocator.expectedConversions(curves, spend);
        assertTrue(ours >= best - 1e-6, ours + " vs grid best " + best);
    }

    @Test
    void respectsMinimumsAndMaximums() {
        List<ChannelBounds> bounds = List.of(
                new ChannelBounds("a", 500, 1000),
                new ChannelBounds("b", 0, 300),
                new ChannelBounds("c", 2000, 10_000));
        double[] spend = BudgetAllocator.allocate(curves, bounds, 5000);
        assertTrue(spend[0] >= 500 - 1e-9 && spend[0] <= 1000 + 1e-9);
        assertTrue(spend[1] <= 300 + 1e-9);
        assertTrue(spend[2] >= 2000 - 1e-9);
        assertEquals(5000, spend[0] + spend[1] + spend[2], 1e-6);
        assertThrows(
                IllegalArgumentException.class,
                () -> BudgetAllocator.allocate(curves, bounds, 12_000),
                "above all maxima");
        assertThrows(
                IllegalArgumentException.class,
                () -> BudgetAllocator.allocate(curves, bounds, 1000),
                "below the minima");
        assertThrows(IllegalArgumentException.class, () -> new ChannelBounds("x", 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new ChannelBounds("x", -1, 5));
    }

    @Test
    void evenSplitRedistributesWhatACappedChannelCannotTake() {
        List<ChannelBounds> bounds = List.of(
                new ChannelBounds("a", 0, 100), new ChannelBounds("b", 0, 10_000), new ChannelBounds("c", 0, 10_000));
        double[] spend = BudgetAllocator.evenSplit(bounds, 3000);
        assertEquals(100, spend[0], 1e-9);
        assertEquals(1450, spend[1], 1e-9);
        assertEquals(1450, spend[2], 1e-9);
    }

    @Test
    void posteriorRecoversAKnownCurveFromNoisyDays() {
        ResponseCurve truth = new ResponseCurve(80, 3000);
        SplittableRandom random = new SplittableRandom(11);
        List<SpendObservation> days = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            double spend = 500 + random.nextDouble() * 6000;
            days.add(new SpendObservation(spend, poisson(truth.conversions(spend), random)));
        }
        ChannelPosterior posterior = ChannelPosterior.fit(days, 3000, 1.0);
        for (double s : new double[] {1000, 3000, 6000}) {
            assertEquals(
                    truth.conversions(s),
                    posterior.expectedConversions(s),
                    truth.conversions(s) * 0.15,
                    "at spend " + s);
        }
    }

    @Test
    void thompsonPlansBeatAnEvenSplitOnASimulatedMarket() {
        List<ResponseCurve> market = List.of(
                new ResponseCurve(120, 1500),
                new ResponseCurve(40, 4000),
                new ResponseCurve(90, 800),
                new ResponseCurve(30, 10_000));
        List<ChannelBounds> bounds = List.of(
                new ChannelBounds("a", 200, 8000),
                new ChannelBounds("b", 200, 8000),
                new ChannelBounds("c", 200, 8000),
                new ChannelBounds("d", 200, 8000));
        double budget = 8000;
        double oracle = BudgetAllocator.expectedConversions(market, BudgetAllocator.allocate(market, bounds, budget));
        double even = BudgetAllocator.expectedConversions(market, BudgetAllocator.evenSplit(bounds, budget));
        SplittableRandom random = new SplittableRandom(5);
        BudgetPlanner planner = BudgetPlanner.defaults();
        Map<String, List<SpendObservation>> history =
                Map.of("a", new ArrayList<>(), "b", new ArrayList<>(), "c", new ArrayList<>(), "d", new ArrayList<>());
        double regretThompson = 0;
        for (int day = 0; day < 40; day++) {
            BudgetPlanner.Plan plan = planner.plan(history, bounds, budget, BudgetPlanner.Method.THOMPSON, random);
            double[] spend =
                    plan.lines().stream().mapToDouble(BudgetPlanner.Line::spend).toArray();
            regretThompson += oracle - BudgetAllocator.expectedConversions(market, spend);
            for (int i = 0; i < 4; i++) {
                history.get(bounds.get(i).channel())
                        .add(new SpendObservation(
                                spend[i], poisson(market.get(i).conversions(spend[i]), random)));
            }
        }
        double regretEven = 40 * (oracle - even);
        assertTrue(
                regretThompson < 0.5 * regretEven,
                "Thompson regret " + regretThompson + " vs even split " + regretEven);
    }

    static long poisson(double mean, SplittableRandom random) {
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double l = Math.exp(-mean);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
