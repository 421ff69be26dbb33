package com.quanyu.routes.model;

import java.util.List;

/**
 * Routes as lists of customer node indices (the depot, node 0, is implicit at both ends).
 * Empty routes are dropped.
 */
public record Solution(List<List<Integer>> routes) {
    public Solution {
        routes = routes.stream().filter(r -> !r.isEmpty()).map(List::copyOf).toList();
    }

    public static Solution of(List<List<Integer>> routes) {
        return new Solution(routes);
    }

    public int vehicles() {
        return routes.size();
    }
}
