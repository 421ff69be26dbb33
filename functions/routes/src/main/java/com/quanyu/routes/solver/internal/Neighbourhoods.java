package com.quanyu.routes.solver.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Granular neighbourhoods: for each customer, the customers closest to it (made symmetric, as in
 * HGS). With time windows closeness also counts the waiting and the time warp a direct visit
 * would cause (Vidal et al. 2013, weights 0.2 and 1 as in PyVRP).
 */
final class Neighbourhoods {
    private static final double WAIT_WEIGHT = 0.2;
    private static final double WARP_WEIGHT = 1.0;

    private Neighbourhoods() {}

    static int[][] granular(CostModel m, int size) {
        int n = m.customers();
        int k = Math.min(size, n - 1);
        @SuppressWarnings("unchecked")
        Set<Integer>[] sets = new Set[n + 1];
        for (int i = 1; i <= n; i++) {
            sets[i] = new LinkedHashSet<>();
        }
        for (int i = 1; i <= n; i++) {
            Integer[] others = new Integer[n - 1];
            double[] score = new double[n + 1];
            int c = 0;
            for (int j = 1; j <= n; j++) {
                if (j != i) {
                    others[c++] = j;
                    score[j] = Math.min(proximity(m, i, j), proximity(m, j, i));
                }
            }
            Arrays.sort(others, (a, b) -> Double.compare(score[a], score[b]));
            for (int q = 0; q < k; q++) {
                sets[i].add(others[q]);
                sets[others[q]].add(i);
            }
        }
        int[][] lists = new int[n + 1][];
        lists[0] = new int[0];
        for (int i = 1; i <= n; i++) {
            lists[i] = sets[i].stream().mapToInt(Integer::intValue).toArray();
        }
        return lists;
    }

    private static double proximity(CostModel m, int i, int j) {
        double d = m.d(i, j);
        if (!m.timed) {
            return d;
        }
        double t = m.t(i, j);
        double wait = Math.max(m.ready[j] - m.service[i] - t - m.due[i], 0);
        double warp = Math.max(m.ready[i] + m.service[i] + t - m.due[j], 0);
        return d + WAIT_WEIGHT * wait + WARP_WEIGHT * warp;
    }
}
