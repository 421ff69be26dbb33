package com.quanyu.routes.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.check.FeasibilityChecker;
import com.quanyu.routes.check.SolutionReport;
import com.quanyu.routes.model.DistanceMatrix;
import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RouteSolverTest {
    private static final int CUSTOMERS = 7;

    private static SolverOptions iterations(long count, long seed) {
        return SolverOptions.builder()
                .timeLimit(Duration.ofSeconds(30))
                .maxIterations(count)
                .seed(seed)
                .build();
    }

    private static Problem random(long seed, boolean windows, int fleet, Objective objective) {
        Random random = new Random(seed);
        Problem.Builder b = Problem.builder()
                .capacity(15)
                .fleetSize(fleet)
                .objective(objective)
                .metric(DistanceMatrix.Metric.EUCLIDEAN);
        b.node("depot", 50, 50, 0, 0, windows ? 300 : Double.POSITIVE_INFINITY, 0);
        for (int i = 1; i <= CUSTOMERS; i++) {
            double x = random.nextDouble() * 100;
            double y = random.nextDouble() * 100;
            // windows open after the earliest arrival so that every customer can be served
            double open = windows ? Math.hypot(x - 50, y - 50) + random.nextDouble() * 150 : 0;
            b.node(
                    "c" + i,
                    x,
                    y,
                    1 + random.nextInt(7),
                    open,
                    windows ? open + 40 : Double.POSITIVE_INFINITY,
                    windows ? 10 : 0);
        }
        return b.build();
    }

    private static SolutionReport checked(Problem problem, SolverResult result) {
        SolutionReport report = FeasibilityChecker.check(problem, result.solution());
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(report.totalDistance(), result.distance(), 1e-6, "solver's distance agrees with the checker");
        return report;
    }

    @Test
    void findsTheOptimumOfSmallCvrpInstances() {
        for (long seed = 1; seed <= 4; seed++) {
            Problem problem = random(seed, false, Problem.UNLIMITED, Objective.DISTANCE);
            SolutionReport report = checked(problem, RouteSolver.solve(problem, iterations(300, seed)));
            assertEquals(BruteForce.optimum(problem)[1], report.totalDistance(), 1e-6, "seed " + seed);
        }
    }

    @Test
    void findsTheOptimumOfSmallInstancesWithTimeWindowsAndAFixedFleet() {
        for (long seed = 1; seed <= 4; seed++) {
            Problem problem = random(seed, true, 4, Objective.DISTANCE);
            double[] optimum = BruteForce.optimum(problem);
            SolutionReport report = checked(problem, RouteSolver.solve(problem, iterations(300, seed)));
            assertEquals(optimum[1], report.totalDistance(), 1e-6, "seed " + seed);
            assertTrue(report.vehicles() <= 4);
        }
    }

    @Test
    void hierarchicalObjectiveUsesTheFewestVehiclesFirst() {
        for (long seed = 1; seed <= 4; seed++) {
            Problem problem = random(seed, true, 6, Objective.VEHICLES_THEN_DISTANCE);
            double[] optimum = BruteForce.optimum(problem);
            SolutionReport report = checked(problem, RouteSolver.solve(problem, iterations(400, seed)));
            assertEquals((int) optimum[0], report.vehicles(), "seed " + seed);
            assertEquals(optimum[1], report.totalDistance(), 1e-6, "seed " + seed);
        }
    }

    @Test
    void sameSeedSameSolutionWhenLimitedByIterations() {
        Problem problem = random(42, true, Problem.UNLIMITED, Objective.DISTANCE);
        Solution first = RouteSolver.solve(problem, iterations(150, 7)).solution();
        Solution second = RouteSolver.solve(problem, iterations(150, 7)).solution();
        assertEquals(first, second);
    }

    @Test
    void reportsImprovementsAsTheyAreFoundAndStopsWhenCancelled() {
        Problem problem = random(3, false, Problem.UNLIMITED, Objective.DISTANCE);
        List<Double> seen = new ArrayList<>();
        var cancel = new java.util.concurrent.atomic.AtomicBoolean();
        SolverResult result = RouteSolver.solve(
                problem,
                SolverOptions.builder()
                        .timeLimit(Duration.ofMinutes(5))
                        .threads(1)
                        .build(),
                improvement -> {
                    synchronized (seen) {
                        seen.add(improvement.distance());
                        if (seen.size() >= 1) {
                            cancel.set(true);
                        }
                    }
                },
                cancel);
        assertTrue(!seen.isEmpty());
        assertTrue(result.elapsed().compareTo(Duration.ofMinutes(1)) < 0, "cancel ends the solve early");
        checked(problem, result);
    }

    /** Exact optimum by enumerating every customer order and splitting it optimally into feasible routes. */
    static final class BruteForce {
        private BruteForce() {}

        /** {vehicles, distance} of the optimum under the problem's objective. */
        static double[] optimum(Problem p) {
            int n = p.customerCount();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i + 1;
            }
            double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
            permute(p, order, 0, best);
            return best;
        }

        private static void permute(Problem p, int[] order, int k, double[] best) {
            if (k == order.length) {
                split(p, order, best);
                return;
            }
            for (int i = k; i < order.length; i++) {
                swap(order, k, i);
                permute(p, order, k + 1, best);
                swap(order, k, i);
            }
        }

        private static void split(Problem p, int[] order, double[] best) {
            int n = order.length;
            double[][] cost = new double[n + 1][];
            cost[0] = new double[] {0, 0};
            for (int j = 1; j <= n; j++) {
                cost[j] = new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
                for (int i = 0; i < j; i++) {
                    if (cost[i][0] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    List<Integer> route = new ArrayList<>();
                    for (int q = i; q < j; q++) {
                        route.add(order[q]);
                    }
                    SolutionReport r = FeasibilityChecker.check(p, Solution.of(List.of(route)));
                    boolean ok = r.violations().stream()
                            .allMatch(v -> v.type() == com.quanyu.routes.check.Violation.Type.MISSING_CUSTOMER);
                    if (ok) {
                        double[] candidate = {cost[i][0] + 1, cost[i][1] + r.totalDistance()};
                        if (better(p, candidate, cost[j])) {
                            cost[j] = candidate;
                        }
                    }
                }
            }
            if (cost[n][0] <= p.fleetSize() && better(p, cost[n], best)) {
                best[0] = cost[n][0];
                best[1] = cost[n][1];
            }
        }

        private static boolean better(Problem p, double[] a, double[] b) {
            if (p.objective() == Objective.VEHICLES_THEN_DISTANCE && a[0] != b[0]) {
                return a[0] < b[0];
            }
            return a[1] < b[1] - 1e-9;
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
