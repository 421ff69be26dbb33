package com.quanyu.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.routes.check.FeasibilityChecker;
import com.quanyu.routes.check.RouteReport;
import com.quanyu.routes.check.SolutionReport;
import com.quanyu.routes.check.Violation;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import com.quanyu.routes.solver.SolverResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON response of a solve. Figures come from the independent {@link FeasibilityChecker}, not
 * from the solver: routes with stops (ids), load, distance, duration, departure/return and service
 * start times; totals; and the violations (empty for a feasible solution).
 */
public final class RouteResponse {
    private RouteResponse() {}

    public static Map<String, Object> of(Problem problem, SolverResult result, long seed) {
        SolutionReport report = FeasibilityChecker.check(problem, result.solution());
        List<Map<String, Object>> routes = new ArrayList<>();
        for (int r = 0; r < report.routes().size(); r++) {
            RouteReport route = report.routes().get(r);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("vehicle", r + 1);
            json.put("stops", route.stops().stream().map(problem::id).toList());
            json.put("load", route.load());
            json.put("distance", round(route.distance()));
            json.put("duration", round(route.duration()));
            json.put("departure", round(route.departure()));
            json.put("return", round(route.returnTime()));
            json.put(
                    "serviceStarts",
                    route.serviceStarts().stream().map(RouteResponse::round).toList());
            routes.add(json);
        }
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Violation v : report.violations()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", v.type().name().toLowerCase(java.util.Locale.ROOT));
            if (v.route() >= 0) {
                json.put("vehicle", v.route() + 1);
            }
            if (v.node() >= 0) {
                json.put("stop", problem.id(v.node()));
            }
            json.put("message", v.message());
            violations.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.feasible() ? "feasible" : "infeasible");
        body.put("objective", problem.objective().name().toLowerCase(java.util.Locale.ROOT));
        body.put("totalDistance", round(report.totalDistance()));
        body.put("totalCost", round(report.totalDistance()));
        body.put("vehicles", report.vehicles());
        body.put("routes", routes);
        body.put("violations", violations);
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("algorithm", "hybrid genetic search (giant tour + split + local search) on Jenetics");
        solver.put("iterations", result.iterations());
        solver.put("elapsedMs", result.elapsed().toMillis());
        solver.put("seed", seed);
        body.put("solver", solver);
        return body;
    }

    /** The solution held in a response document, for drawing a stored result. */
    public static Solution solutionOf(Problem problem, JsonNode response) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 1; i < problem.size(); i++) {
            index.put(problem.id(i), i);
        }
        List<List<Integer>> routes = new ArrayList<>();
        for (JsonNode route : response.path("routes")) {
            List<Integer> stops = new ArrayList<>();
            for (JsonNode stop : route.path("stops")) {
                Integer node = index.get(stop.asText());
                if (node == null) {
                    throw new IllegalArgumentException("stored result names unknown stop " + stop.asText());
                }
                stops.add(node);
            }
            routes.add(stops);
        }
        return Solution.of(routes);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
