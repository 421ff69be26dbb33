package com.quanyu.routes.check;

import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a solution against a problem independently of the solver: it simulates every route
 * from scratch (no shared code with the solver's incremental evaluation), so a solver bug cannot
 * hide itself. Reports capacity, time-window, route-duration and fleet-size violations, and
 * customers missing, visited twice or unknown.
 */
public final class FeasibilityChecker {
    /** Tolerance for floating-point time comparisons. */
    private static final double EPS = 1e-6;

    private FeasibilityChecker() {}

    public static SolutionReport check(Problem problem, Solution solution) {
        List<Violation> violations = new ArrayList<>();
        List<RouteReport> reports = new ArrayList<>();
        int[] visits = new int[problem.size()];
        double total = 0;
        for (int r = 0; r < solution.routes().size(); r++) {
            List<Integer> stops = solution.routes().get(r);
            boolean known = true;
            for (int node : stops) {
                if (node <= 0 || node >= problem.size()) {
                    violations.add(new Violation(
                            Violation.Type.UNKNOWN_NODE, r, node, "route " + r + " visits unknown node " + node));
                    known = false;
                } else {
                    visits[node]++;
                }
            }
            if (known) {
                RouteReport report = simulate(problem, r, stops, violations);
                reports.add(report);
                total += report.distance();
            }
        }
        for (int i = 1; i < problem.size(); i++) {
            if (visits[i] == 0) {
                violations.add(new Violation(
                        Violation.Type.MISSING_CUSTOMER, -1, i, "customer " + problem.id(i) + " is not visited"));
            } else if (visits[i] > 1) {
                violations.add(new Violation(
                        Violation.Type.DUPLICATE_CUSTOMER,
                        -1,
                        i,
                        "customer " + problem.id(i) + " is visited " + visits[i] + " times"));
            }
        }
        if (solution.vehicles() > problem.fleetSize()) {
            violations.add(new Violation(
                    Violation.Type.FLEET_SIZE,
                    -1,
                    -1,
                    solution.vehicles() + " routes but the fleet has " + problem.fleetSize() + " vehicles"));
        }
        return new SolutionReport(List.copyOf(reports), total, List.copyOf(violations));
    }

    private static RouteReport simulate(Problem p, int r, List<Integer> stops, List<Violation> violations) {
        int load = 0;
        double distance = 0;
        double time = p.ready(0);
        double waitedSoFar = 0;
        double slack = Double.POSITIVE_INFINITY; // how far the departure can move later, Savelsbergh's forward slack
        List<Double> starts = new ArrayList<>();
        int previous = 0;
        for (int node : stops) {
            load += p.demand(node);
            distance += p.distance(previous, node);
            double arrival = time + p.travelTime(previous, node);
            double start = Math.max(arrival, p.ready(node));
            waitedSoFar += start - arrival;
            if (start > p.due(node) + EPS) {
                violations.add(new Violation(
                        Violation.Type.TIME_WINDOW,
                        r,
                        node,
                        String.format(
                                "route %d reaches customer %s at %.2f, after its window closes at %.2f",
                                r, p.id(node), start, p.due(node))));
            }
            slack = Math.min(slack, waitedSoFar + p.due(node) - start);
            starts.add(start);
            time = start + p.service(node);
            previous = node;
        }
        distance += p.distance(previous, 0);
        double back = time + p.travelTime(previous, 0);
        if (back > p.due(0) + EPS) {
            violations.add(new Violation(
                    Violation.Type.TIME_WINDOW,
                    r,
                    0,
                    String.format(
                            "route %d returns to the depot at %.2f, after it closes at %.2f", r, back, p.due(0))));
        }
        slack = Math.min(slack, waitedSoFar + p.due(0) - back);
        double delay = Math.max(0, Math.min(slack, waitedSoFar));
        double departure = p.ready(0) + delay;
        double duration = back - departure;
        if (duration > p.maxRouteDuration() + EPS) {
            violations.add(new Violation(
                    Violation.Type.ROUTE_DURATION,
                    r,
                    -1,
                    String.format(
                            "route %d lasts %.2f, longer than the limit %.2f", r, duration, p.maxRouteDuration())));
        }
        if (load > p.capacity()) {
            violations.add(new Violation(
                    Violation.Type.CAPACITY,
                    r,
                    -1,
                    "route " + r + " carries " + load + ", more than the capacity " + p.capacity()));
        }
        if (delay > 0) {
            // shift the schedule: service starts move later by the delay minus waiting absorbed so far
            List<Double> shifted = new ArrayList<>();
            double t = departure;
            int prev = 0;
            for (int node : stops) {
                double arrival = t + p.travelTime(prev, node);
                double start = Math.max(arrival, p.ready(node));
                shifted.add(start);
                t = start + p.service(node);
                prev = node;
            }
            starts = shifted;
            back = t + p.travelTime(prev, 0);
            duration = back - departure;
        }
        return new RouteReport(List.copyOf(stops), load, distance, duration, departure, back, List.copyOf(starts));
    }
}
