package com.quanyu.routes.check;

import java.util.List;

/** The checker's verdict: per-route figures, totals and every violation found. */
public record SolutionReport(List<RouteReport> routes, double totalDistance, List<Violation> violations) {
    public boolean feasible() {
        return violations.isEmpty();
    }

    public int vehicles() {
        return routes.size();
    }
}
