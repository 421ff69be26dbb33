package com.quanyu.routes.solver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalSearchTest {

    @ParameterizedTest
    @EnumSource(RandomProblems.Kind.class)
    void everyMoveCostsWhatItsEvaluationPredictedAndTheResultMatchesAFullRecomputation(RandomProblems.Kind kind) {
        for (long seed = 1; seed <= 10; seed++) {
            Problem problem = RandomProblems.of(kind, 30, seed);
            CostModel m = new CostModel(problem);
            m.capacityPenalty = 1 + seed;
            m.timePenalty = 0.5 * seed;
            LocalSearch ls = new LocalSearch(m, Neighbourhoods.granular(m, 8));
            List<double[]> moves = new ArrayList<>();
            ls.audit = (predicted, rebuilt) -> moves.add(new double[] {predicted, rebuilt});
            List<int[]> start = chunks(SplitTest.shuffled(30, new Random(seed)), 5);
            double before = cost(m, start);
            List<int[]> result = ls.run(start, new SplittableRandom(seed));
            assertTrue(moves.size() > 0, "some improving move exists from a random start");
            for (double[] move : moves) {
                assertEquals(move[0], move[1], 1e-6, "predicted vs recomputed cost of a move (" + kind + ")");
            }
            double after = cost(m, result);
            assertTrue(after < before, "local search improves a random solution");
            int[] served = result.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            assertEquals(30, served.length);
            for (int i = 0; i < 30; i++) {
                assertEquals(i + 1, served[i], "every customer exactly once");
            }
            // local optimum: a second pass finds nothing
            moves.clear();
            List<int[]> again = ls.run(result, new SplittableRandom(seed + 100));
            assertEquals(after, cost(m, again), 1e-6);
        }
    }

    private static List<int[]> chunks(int[] tour, int size) {
        List<int[]> routes = new ArrayList<>();
        for (int i = 0; i < tour.length; i += size) {
            routes.add(Arrays.copyOfRange(tour, i, Math.min(tour.length, i + size)));
        }
        return routes;
    }

    private static double cost(CostModel m, List<int[]> routes) {
        double sum = 0;
        for (int[] r : routes) {
            CostModel.RouteFigures f = m.evaluate(r, r.length);
            sum += m.routeCost(r.length, f.distance(), f.load(), f.timeExcess());
        }
        return sum;
    }
}
