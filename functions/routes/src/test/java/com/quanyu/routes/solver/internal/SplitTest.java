package com.quanyu.routes.solver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.model.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SplitTest {

    @ParameterizedTest
    @EnumSource(RandomProblems.Kind.class)
    void splitIsOptimalAgainstEveryCutOfTheTour(RandomProblems.Kind kind) {
        for (long seed = 1; seed <= 15; seed++) {
            Problem problem = RandomProblems.of(kind, 9, seed);
            CostModel m = new CostModel(problem);
            m.capacityPenalty = 3;
            m.timePenalty = 2;
            int[] tour = shuffled(9, new Random(seed));
            List<int[]> routes = new Split(m).split(tour);
            assertArrayEquals(
                    tour, routes.stream().flatMapToInt(Arrays::stream).toArray(), "split keeps the tour order");
            assertEquals(bruteForce(m, tour, Integer.MAX_VALUE), cost(m, routes), 1e-6, kind + " seed " + seed);
        }
    }

    @ParameterizedTest
    @EnumSource(RandomProblems.Kind.class)
    void limitedFleetSplitIsOptimalAmongCutsWithAtMostKRoutes(RandomProblems.Kind kind) {
        for (long seed = 1; seed <= 15; seed++) {
            Problem problem = RandomProblems.of(kind, 9, seed).with(com.quanyu.routes.model.Objective.DISTANCE, 2);
            CostModel m = new CostModel(problem);
            int[] tour = shuffled(9, new Random(seed));
            List<int[]> routes = new Split(m).split(tour);
            assertTrue(routes.size() <= 2);
            assertArrayEquals(
                    tour, routes.stream().flatMapToInt(Arrays::stream).toArray(), "split keeps the tour order");
            double optimum = bruteForce(m, tour, 2);
            if (optimum
                    < Double.POSITIVE_INFINITY) { // otherwise no 2 routes fit within 1.5 x capacity: fallback chunks
                assertEquals(optimum, cost(m, routes), 1e-6, kind + " seed " + seed);
            }
        }
    }

    private static double cost(CostModel m, List<int[]> routes) {
        double sum = 0;
        for (int[] r : routes) {
            CostModel.RouteFigures f = m.evaluate(r, r.length);
            sum += m.routeCost(r.length, f.distance(), f.load(), f.timeExcess());
        }
        return sum;
    }

    /** Cheapest of all 2^(n-1) ways to cut the tour (routes bounded by 1.5 x capacity as in Split). */
    private static double bruteForce(CostModel m, int[] tour, int maxRoutes) {
        int n = tour.length;
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << (n - 1); mask++) {
            if (Integer.bitCount(mask) + 1 > maxRoutes) {
                continue;
            }
            double total = 0;
            int start = 0;
            boolean allowed = true;
            for (int i = 0; i < n; i++) {
                boolean cut = i == n - 1 || (mask & (1 << i)) != 0;
                if (cut) {
                    int[] route = Arrays.copyOfRange(tour, start, i + 1);
                    CostModel.RouteFigures f = m.evaluate(route, route.length);
                    allowed &= route.length == 1 || f.load() <= 1.5 * m.capacity;
                    total += m.routeCost(route.length, f.distance(), f.load(), f.timeExcess());
                    start = i + 1;
                }
            }
            if (allowed) {
                best = Math.min(best, total);
            }
        }
        return best;
    }

    static int[] shuffled(int n, Random random) {
        int[] tour = new int[n];
        for (int i = 0; i < n; i++) {
            tour[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = tour[i];
            tour[i] = tour[j];
            tour[j] = t;
        }
        return tour;
    }
}
