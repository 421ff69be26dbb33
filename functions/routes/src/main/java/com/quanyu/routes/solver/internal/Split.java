package com.quanyu.routes.solver.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimal split of a giant tour into routes (Prins 2004; Vidal 2016): a shortest path over the
 * tour positions where arc (i, j) is the route serving tour[i..j-1], priced with the penalised
 * route cost, so capacity, duration and windows are handled as soft constraints. O(n.B) where B
 * bounds the customers of a route (routes stop growing at 1.5 x capacity); with a fixed fleet the
 * Bellman recursion adds a vehicle dimension, used only when the unlimited split needs too many.
 */
final class Split {
    private static final double LOAD_SLACK = 1.5;

    private final CostModel m;
    private final CostModel.Segment seg = new CostModel.Segment();
    private final CostModel.Segment closed = new CostModel.Segment();

    Split(CostModel m) {
        this.m = m;
    }

    List<int[]> split(int[] tour) {
        int n = tour.length;
        double[] potential = new double[n + 1];
        int[] pred = new int[n + 1];
        Arrays.fill(potential, Double.POSITIVE_INFINITY);
        potential[0] = 0;
        for (int i = 0; i < n; i++) {
            if (potential[i] < Double.POSITIVE_INFINITY) {
                relax(tour, i, potential[i], potential, pred);
            }
        }
        List<int[]> routes = routes(tour, pred, n);
        if (routes.size() <= m.fleetLimit) {
            return routes;
        }
        return splitLimited(tour, m.fleetLimit);
    }

    private List<int[]> splitLimited(int[] tour, int fleet) {
        int n = tour.length;
        double[][] potential = new double[fleet + 1][n + 1];
        int[][] pred = new int[fleet + 1][n + 1];
        for (double[] row : potential) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        potential[0][0] = 0;
        for (int k = 0; k < fleet; k++) {
            for (int i = k; i < n; i++) {
                if (potential[k][i] < Double.POSITIVE_INFINITY) {
                    relax(tour, i, potential[k][i], potential[k + 1], pred[k + 1]);
                }
            }
        }
        int bestK = 1;
        for (int k = 1; k <= fleet; k++) {
            if (potential[k][n] < potential[bestK][n]) {
                bestK = k;
            }
        }
        if (potential[bestK][n] == Double.POSITIVE_INFINITY) {
            // not even 1.5 x capacity fits in the fleet: put the rest into the last route
            List<int[]> routes = new ArrayList<>();
            int per = (n + fleet - 1) / fleet;
            for (int s = 0; s < n; s += per) {
                routes.add(Arrays.copyOfRange(tour, s, Math.min(n, s + per)));
            }
            return routes;
        }
        List<int[]> routes = new ArrayList<>();
        int end = n;
        for (int k = bestK; k > 0; k--) {
            int begin = pred[k][end];
            routes.add(Arrays.copyOfRange(tour, begin, end));
            end = begin;
        }
        java.util.Collections.reverse(routes);
        return routes;
    }

    /** Relaxes every arc leaving position {@code i} (routes starting with tour[i]). */
    private void relax(int[] tour, int i, double base, double[] potential, int[] pred) {
        int n = tour.length;
        int load = 0;
        double distance = 0;
        double travel = 0;
        double serviceSum = 0;
        int prev = 0;
        seg.setNode(m, 0);
        for (int j = i; j < n; j++) {
            int node = tour[j];
            load += m.demand[node];
            if (j > i && load > LOAD_SLACK * m.capacity) {
                break;
            }
            distance += m.d(prev, node);
            travel += m.t(prev, node);
            serviceSum += m.service[node];
            double excess;
            if (m.timed) {
                seg.appendNode(m, prev, node);
                closed.copy(seg);
                closed.appendNode(m, node, 0);
                excess = closed.timeWarp + m.durationExcess(closed.duration);
            } else {
                excess = m.durationExcess(travel + m.t(node, 0) + serviceSum);
            }
            double cost = base + m.routeCost(j - i + 1, distance + m.d(node, 0), load, excess);
            if (cost < potential[j + 1]) {
                potential[j + 1] = cost;
                pred[j + 1] = i;
            }
            prev = node;
        }
    }

    private static List<int[]> routes(int[] tour, int[] pred, int n) {
        List<int[]> routes = new ArrayList<>();
        int end = n;
        while (end > 0) {
            int begin = pred[end];
            routes.add(Arrays.copyOfRange(tour, begin, end));
            end = begin;
        }
        java.util.Collections.reverse(routes);
        return routes;
    }
}
