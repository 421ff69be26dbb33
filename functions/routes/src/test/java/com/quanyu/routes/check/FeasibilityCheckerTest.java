package com.quanyu.routes.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeasibilityCheckerTest {
    /** Depot at the origin open [0, 100]; customers on a line at x = 1..3. */
    private static Problem problem(int fleet, double maxDuration) {
        return Problem.builder()
                .capacity(10)
                .fleetSize(fleet)
                .maxRouteDuration(maxDuration)
                .node("D", 0, 0, 0, 0, 100, 0)
                .node("a", 1, 0, 4, 0, 100, 1)
                .node("b", 2, 0, 4, 10, 12, 1)
                .node("c", 3, 0, 4, 0, 100, 1)
                .build();
    }

    private static List<Violation.Type> types(SolutionReport report) {
        return report.violations().stream().map(Violation::type).toList();
    }

    @Test
    void acceptsAFeasibleSolutionAndReportsItsFigures() {
        SolutionReport report =
                FeasibilityChecker.check(problem(3, 100), Solution.of(List.of(List.of(1, 2), List.of(3))));
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(4 + 6, report.totalDistance(), 1e-9);
        RouteReport first = report.routes().get(0);
        assertEquals(8, first.load());
        // departure delayed so the vehicle reaches b exactly at 10: leaves at 10 - 2 - 1 = 7
        assertEquals(7.0, first.departure(), 1e-9);
        assertEquals(List.of(8.0, 10.0), first.serviceStarts());
        assertEquals(13.0 - 7.0, first.duration(), 1e-9);
    }

    @Test
    void catchesCapacity() {
        SolutionReport report = FeasibilityChecker.check(problem(3, 100), Solution.of(List.of(List.of(1, 2, 3))));
        assertEquals(List.of(Violation.Type.CAPACITY), types(report));
    }

    @Test
    void catchesALateArrival() {
        // a takes 10 to serve, so b (due 12) is reached at 16
        Problem tight = Problem.builder()
                .capacity(10)
                .node("D", 0, 0, 0, 0, 100, 0)
                .node("a", 5, 0, 1, 0, 100, 10)
                .node("b", 6, 0, 1, 0, 12, 0)
                .build();
        SolutionReport late = FeasibilityChecker.check(tight, Solution.of(List.of(List.of(1, 2))));
        assertEquals(List.of(Violation.Type.TIME_WINDOW), types(late));
        assertEquals(2, late.violations().get(0).node());
    }

    @Test
    void catchesReturnAfterTheDepotCloses() {
        Problem p = Problem.builder()
                .capacity(10)
                .node("D", 0, 0, 0, 0, 10, 0)
                .node("a", 4, 0, 1, 0, 100, 3)
                .build();
        SolutionReport report = FeasibilityChecker.check(p, Solution.of(List.of(List.of(1))));
        assertEquals(List.of(Violation.Type.TIME_WINDOW), types(report));
        assertEquals(0, report.violations().get(0).node());
    }

    @Test
    void catchesRouteDuration() {
        SolutionReport report =
                FeasibilityChecker.check(problem(3, 7.5), Solution.of(List.of(List.of(1), List.of(2), List.of(3))));
        // c's round trip is 3 + 1 + 3 = 7; b's route must wait for its window only if it leaves at 0
        assertTrue(report.feasible(), report.violations().toString());
        SolutionReport tooLong =
                FeasibilityChecker.check(problem(3, 5.5), Solution.of(List.of(List.of(1, 2), List.of(3))));
        assertEquals(List.of(Violation.Type.ROUTE_DURATION, Violation.Type.ROUTE_DURATION), types(tooLong));
    }

    @Test
    void catchesMissingDuplicateUnknownAndFleet() {
        SolutionReport report =
                FeasibilityChecker.check(problem(1, 100), Solution.of(List.of(List.of(1, 1), List.of(2, 9))));
        List<Violation.Type> found = types(report);
        assertTrue(found.contains(Violation.Type.UNKNOWN_NODE), found.toString());
        assertTrue(found.contains(Violation.Type.DUPLICATE_CUSTOMER), found.toString());
        assertTrue(found.contains(Violation.Type.MISSING_CUSTOMER), found.toString());
        assertTrue(found.contains(Violation.Type.FLEET_SIZE), found.toString());
    }
}
