package com.quanyu.routes.solver.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Local-search "education" of HGS (Vidal 2022, "Hybrid genetic search for the CVRP: open-source
 * implementation and SWAP* neighborhood"): relocate of one or two customers (also reversed),
 * swaps of 1-1, 2-1 and 2-2 customers, 2-opt inside a route and both 2-opt* variants between
 * routes, over granular neighbourhoods (the nearest customers of each customer), first
 * improvement, until no move improves the penalised cost.
 *
 * <p>Every move is expressed as the new routes' concatenation of "pieces" of the current routes
 * (a forward or reversed position range, or one node). Each route keeps prefix sums of distance,
 * reverse distance, load, service and travel time, and prefix/suffix time-warp segments, so a
 * piece's distance and load cost O(1), and the time data of a prefix or suffix too; only middle
 * pieces of time-windowed routes are folded node by node. Moves are first screened on distance
 * alone (penalties cannot go below zero), then priced in full.
 */
final class LocalSearch {
    private static final double EPS = 1e-7;
    private static final int MAX_PIECES = 6;

    private final CostModel m;
    private final int[][] neighbours;
    private final int customers;

    private int routeCount;
    private int[][] nodes = new int[0][];
    private int[] len = new int[0];
    private double[][] cumDist = new double[0][];
    private double[][] cumRevDist = new double[0][];
    private double[][] cumTravel = new double[0][];
    private double[][] cumRevTravel = new double[0][];
    private double[][] cumService = new double[0][];
    private int[][] cumLoad = new int[0][];
    private double[][][] prefix = new double[0][][];
    private double[][][] suffix = new double[0][][];
    private double[] routeCost = new double[0];
    private double[] routePenalty = new double[0];
    private int[] lastModified = new int[0];
    private final int[] routeOf;
    private final int[] posOf;
    private final int[] lastTested;
    private int moveCount;
    /** Test hook: sees (cost predicted by the move evaluation, cost after rebuilding the routes). */
    java.util.function.BiConsumer<Double, Double> audit;

    private final Pieces a = new Pieces();
    private final Pieces b = new Pieces();
    private final CostModel.Segment acc = new CostModel.Segment();
    private final CostModel.Segment tmp = new CostModel.Segment();
    private final int[] bufferA;
    private final int[] bufferB;
    private final int[] order;
    private final SwapStar swapStar;

    LocalSearch(CostModel m, int[][] neighbours) {
        this.m = m;
        this.neighbours = neighbours;
        this.customers = m.customers();
        this.routeOf = new int[m.nodes];
        this.posOf = new int[m.nodes];
        this.lastTested = new int[m.nodes];
        this.bufferA = new int[m.nodes];
        this.bufferB = new int[m.nodes];
        this.order = new int[customers];
        for (int i = 0; i < customers; i++) {
            order[i] = i + 1;
        }
        this.swapStar = new SwapStar();
    }

    /** Improves the given routes under the model's current penalties; returns non-empty routes. */
    List<int[]> run(List<int[]> routes, RandomGenerator random) {
        load(routes);
        shuffle(order, random);
        for (int i = 1; i < neighbours.length; i++) {
            if (random.nextInt(Math.max(1, neighbours[i].length)) == 0) {
                shuffle(neighbours[i], random);
            }
        }
        moveCount = 1;
        Arrays.fill(lastTested, 0);
        boolean improved = true;
        for (int loop = 0; improved; loop++) {
            improved = false;
            for (int u : order) {
                int testedBefore = lastTested[u];
                lastTested[u] = moveCount;
                for (int v : neighbours[u]) {
                    if (loop > 0 && Math.max(lastModified[routeOf[u]], lastModified[routeOf[v]]) <= testedBefore) {
                        continue;
                    }
                    if (tryPair(u, routeOf[v], posOf[v])) {
                        improved = true;
                        continue;
                    }
                    if (posOf[v] == 1 && tryDepotPair(u, routeOf[v])) {
                        improved = true;
                    }
                }
                if (loop > 0) {
                    int empty = emptyRoute();
                    if (empty >= 0 && tryDepotPair(u, empty)) {
                        improved = true;
                    }
                }
            }
            improved |= swapStar.run(loop);
        }
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < routeCount; r++) {
            if (len[r] > 0) {
                out.add(Arrays.copyOfRange(nodes[r], 1, len[r] + 1));
            }
        }
        return out;
    }

    private void load(List<int[]> routes) {
        int needed;
        if (m.fleetLimit < Integer.MAX_VALUE) {
            needed = Math.max(m.fleetLimit, routes.size());
        } else {
            long demand = 0;
            for (int i = 1; i < m.nodes; i++) {
                demand += m.demand[i];
            }
            int estimate = (int) Math.ceil(1.3 * demand / Math.max(1, m.capacity)) + 3;
            needed = Math.min(customers, Math.max(routes.size() + 2, estimate));
            needed = Math.max(needed, routes.size());
        }
        ensureRoutes(needed);
        routeCount = needed;
        for (int r = 0; r < routeCount; r++) {
            int[] route = r < routes.size() ? routes.get(r) : new int[0];
            System.arraycopy(route, 0, nodes[r], 1, route.length);
            len[r] = route.length;
            nodes[r][0] = 0;
            nodes[r][route.length + 1] = 0;
            rebuild(r);
            lastModified[r] = 0;
        }
    }

    private void ensureRoutes(int count) {
        int have = nodes.length;
        if (have >= count) {
            return;
        }
        int size = m.nodes + 2;
        nodes = Arrays.copyOf(nodes, count);
        len = Arrays.copyOf(len, count);
        cumDist = Arrays.copyOf(cumDist, count);
        cumRevDist = Arrays.copyOf(cumRevDist, count);
        cumTravel = Arrays.copyOf(cumTravel, count);
        cumRevTravel = Arrays.copyOf(cumRevTravel, count);
        cumService = Arrays.copyOf(cumService, count);
        cumLoad = Arrays.copyOf(cumLoad, count);
        prefix = Arrays.copyOf(prefix, count);
        suffix = Arrays.copyOf(suffix, count);
        routeCost = Arrays.copyOf(routeCost, count);
        routePenalty = Arrays.copyOf(routePenalty, count);
        lastModified = Arrays.copyOf(lastModified, count);
        for (int r = have; r < count; r++) {
            nodes[r] = new int[size];
            cumDist[r] = new double[size];
            cumRevDist[r] = new double[size];
            cumTravel[r] = new double[size];
            cumRevTravel[r] = new double[size];
            cumService[r] = new double[size];
            cumLoad[r] = new int[size];
            prefix[r] = m.timed ? new double[4][size] : null;
            suffix[r] = m.timed ? new double[4][size] : null;
        }
    }

    /** Recomputes the prefix/suffix data and cost of route r after its node list changed. */
    private void rebuild(int r) {
        int[] nd = nodes[r];
        int last = len[r] + 1;
        for (int p = 1; p <= last; p++) {
            int prev = nd[p - 1];
            int node = nd[p];
            cumDist[r][p] = cumDist[r][p - 1] + m.d(prev, node);
            cumRevDist[r][p] = cumRevDist[r][p - 1] + m.d(node, prev);
            cumTravel[r][p] = cumTravel[r][p - 1] + m.t(prev, node);
            cumRevTravel[r][p] = cumRevTravel[r][p - 1] + m.t(node, prev);
            cumService[r][p] = cumService[r][p - 1] + m.service[node];
            cumLoad[r][p] = cumLoad[r][p - 1] + m.demand[node];
            if (p < last) {
                routeOf[node] = r;
                posOf[node] = p;
            }
        }
        double excess;
        if (m.timed) {
            double[][] pre = prefix[r];
            double[][] suf = suffix[r];
            acc.setNode(m, 0);
            store(pre, 0, acc);
            for (int p = 1; p <= last; p++) {
                acc.appendNode(m, nd[p - 1], nd[p]);
                store(pre, p, acc);
            }
            acc.setNode(m, 0);
            store(suf, last, acc);
            for (int p = last - 1; p >= 0; p--) {
                tmp.setNode(m, nd[p]);
                tmp.merge(m.t(nd[p], nd[p + 1]), acc.duration, acc.timeWarp, acc.earliest, acc.latest);
                acc.copy(tmp);
                store(suf, p, acc);
            }
            excess = pre[1][last] + m.durationExcess(pre[0][last]);
        } else {
            excess = m.durationExcess(cumTravel[r][last] + cumService[r][last]);
        }
        routeCost[r] = m.routeCost(len[r], cumDist[r][last], cumLoad[r][last], excess);
        routePenalty[r] = len[r] == 0 ? 0 : routeCost[r] - cumDist[r][last] - m.fixedVehicleCost;
    }

    private static void store(double[][] data, int p, CostModel.Segment s) {
        data[0][p] = s.duration;
        data[1][p] = s.timeWarp;
        data[2][p] = s.earliest;
        data[3][p] = s.latest;
    }

    private int emptyRoute() {
        for (int r = 0; r < routeCount; r++) {
            if (len[r] == 0) {
                return r;
            }
        }
        return -1;
    }

    /** All moves of customer u with the customer at (rv, pv), pv >= 1. */
    private boolean tryPair(int u, int rv, int pv) {
        int ru = routeOf[u];
        int pu = posOf[u];
        boolean xCustomer = pu + 1 <= len[ru];
        boolean yCustomer = pv + 1 <= len[rv];
        if (ru != rv) {
            return relocate(ru, pu, rv, pv)
                    || (xCustomer && relocatePair(ru, pu, rv, pv, false))
                    || (xCustomer && relocatePair(ru, pu, rv, pv, true))
                    || swap(ru, pu, rv, pv)
                    || (xCustomer && swapPairSingle(ru, pu, rv, pv))
                    || (xCustomer && yCustomer && swapPairs(ru, pu, rv, pv))
                    || twoOptStar(ru, pu, rv, pv)
                    || twoOptStarReversed(ru, pu, rv, pv);
        }
        return intraRelocate(ru, pu, pv)
                || (xCustomer && intraRelocatePair(ru, pu, pv, false))
                || (xCustomer && intraRelocatePair(ru, pu, pv, true))
                || intraSwap(ru, pu, pv)
                || (xCustomer && intraSwapPairSingle(ru, pu, pv))
                || (xCustomer && yCustomer && intraSwapPairs(ru, pu, pv))
                || (pu < pv && twoOpt(ru, pu, pv))
                || (pv < pu && twoOpt(ru, pv, pu));
    }

    /** Moves of customer u to the start of route rv (v = its depot). */
    private boolean tryDepotPair(int u, int rv) {
        int ru = routeOf[u];
        int pu = posOf[u];
        if (ru == rv) {
            return intraRelocate(ru, pu, 0) || (pu + 1 <= len[ru] && intraRelocatePair(ru, pu, 0, false));
        }
        boolean xCustomer = pu + 1 <= len[ru];
        return relocate(ru, pu, rv, 0)
                || (xCustomer && relocatePair(ru, pu, rv, 0, false))
                || (xCustomer && relocatePair(ru, pu, rv, 0, true))
                || twoOptStar(ru, pu, rv, 0)
                || twoOptStarReversed(ru, pu, rv, 0);
    }

    // ---- inter-route moves: a = new route ru, b = new route rv ----

    private boolean relocate(int ru, int pu, int rv, int pv) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int u = U[pu];
        double delta = m.d(U[pu - 1], U[pu + 1])
                - m.d(U[pu - 1], u)
                - m.d(u, U[pu + 1])
                + m.d(V[pv], u)
                + m.d(u, V[pv + 1])
                - m.d(V[pv], V[pv + 1]);
        if (hopeless(delta, ru, rv, len[ru] == 1)) {
            return false;
        }
        a.clear().range(ru, 0, pu - 1).range(ru, pu + 1, len[ru] + 1);
        b.clear().range(rv, 0, pv).node(nodes[ru][pu]).range(rv, pv + 1, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean relocatePair(int ru, int pu, int rv, int pv, boolean reversed) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int u = U[pu];
        int x = U[pu + 1];
        double delta = m.d(U[pu - 1], U[pu + 2])
                - m.d(U[pu - 1], u)
                - m.d(x, U[pu + 2])
                - m.d(V[pv], V[pv + 1])
                + (reversed
                        ? m.d(V[pv], x) + m.d(x, u) - m.d(u, x) + m.d(u, V[pv + 1])
                        : m.d(V[pv], u) + m.d(x, V[pv + 1]));
        if (hopeless(delta, ru, rv, len[ru] == 2)) {
            return false;
        }
        a.clear().range(ru, 0, pu - 1).range(ru, pu + 2, len[ru] + 1);
        b.clear().range(rv, 0, pv);
        if (reversed) {
            b.reversed(ru, pu + 1, pu);
        } else {
            b.range(ru, pu, pu + 1);
        }
        b.range(rv, pv + 1, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean swap(int ru, int pu, int rv, int pv) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int u = U[pu];
        int v = V[pv];
        double delta = m.d(U[pu - 1], v)
                + m.d(v, U[pu + 1])
                - m.d(U[pu - 1], u)
                - m.d(u, U[pu + 1])
                + m.d(V[pv - 1], u)
                + m.d(u, V[pv + 1])
                - m.d(V[pv - 1], v)
                - m.d(v, V[pv + 1]);
        if (hopeless(delta, ru, rv, false)) {
            return false;
        }
        a.clear().range(ru, 0, pu - 1).node(nodes[rv][pv]).range(ru, pu + 1, len[ru] + 1);
        b.clear().range(rv, 0, pv - 1).node(nodes[ru][pu]).range(rv, pv + 1, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean swapPairSingle(int ru, int pu, int rv, int pv) {
        if (hopeless(pairSingleDelta(ru, pu, rv, pv), ru, rv, false)) {
            return false;
        }
        a.clear().range(ru, 0, pu - 1).node(nodes[rv][pv]).range(ru, pu + 2, len[ru] + 1);
        b.clear().range(rv, 0, pv - 1).range(ru, pu, pu + 1).range(rv, pv + 1, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean swapPairs(int ru, int pu, int rv, int pv) {
        if (hopeless(pairsDelta(ru, pu, rv, pv), ru, rv, false)) {
            return false;
        }
        a.clear().range(ru, 0, pu - 1).range(rv, pv, pv + 1).range(ru, pu + 2, len[ru] + 1);
        b.clear().range(rv, 0, pv - 1).range(ru, pu, pu + 1).range(rv, pv + 2, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean twoOptStar(int ru, int pu, int rv, int pv) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        double delta = m.d(U[pu], V[pv + 1]) + m.d(V[pv], U[pu + 1]) - m.d(U[pu], U[pu + 1]) - m.d(V[pv], V[pv + 1]);
        if (hopeless(delta, ru, rv, pv == 0 && pu == len[ru])) {
            return false;
        }
        a.clear().range(ru, 0, pu).range(rv, pv + 1, len[rv] + 1);
        b.clear().range(rv, 0, pv).range(ru, pu + 1, len[ru] + 1);
        return applyIfBetter(ru, rv);
    }

    private boolean twoOptStarReversed(int ru, int pu, int rv, int pv) {
        if (m.timed) {
            return false; // reversing route halves rarely keeps windows, and costs O(length) per evaluation
        }
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int endU = len[ru] + 1;
        double reversal = cumRevDist[rv][pv]
                - cumDist[rv][pv]
                + (cumRevDist[ru][endU] - cumRevDist[ru][pu + 1])
                - (cumDist[ru][endU] - cumDist[ru][pu + 1]);
        double delta = m.d(U[pu], V[pv])
                + m.d(U[pu + 1], V[pv + 1])
                - m.d(U[pu], U[pu + 1])
                - m.d(V[pv], V[pv + 1])
                + reversal;
        if (hopeless(delta, ru, rv, pu == len[ru] && pv == len[rv])) {
            return false;
        }
        a.clear().range(ru, 0, pu).reversed(rv, pv, 0);
        b.clear().reversed(ru, len[ru] + 1, pu + 1).range(rv, pv + 1, len[rv] + 1);
        return applyIfBetter(ru, rv);
    }

    // ---- intra-route moves: only a ----

    private boolean intraRelocate(int r, int pu, int pv) {
        int end = len[r] + 1;
        if (pv == pu - 1 || pv == pu) {
            return false;
        }
        int[] R = nodes[r];
        int u = R[pu];
        double delta = m.d(R[pu - 1], R[pu + 1])
                - m.d(R[pu - 1], u)
                - m.d(u, R[pu + 1])
                + m.d(R[pv], u)
                + m.d(u, R[pv + 1])
                - m.d(R[pv], R[pv + 1]);
        if (hopeless(delta, r, -1, false)) {
            return false;
        }
        if (pv < pu) {
            a.clear()
                    .range(r, 0, pv)
                    .node(nodes[r][pu])
                    .range(r, pv + 1, pu - 1)
                    .range(r, pu + 1, end);
        } else {
            a.clear()
                    .range(r, 0, pu - 1)
                    .range(r, pu + 1, pv)
                    .node(nodes[r][pu])
                    .range(r, pv + 1, end);
        }
        return applyIfBetter(r, -1);
    }

    private boolean intraRelocatePair(int r, int pu, int pv, boolean reversed) {
        int end = len[r] + 1;
        if (pv >= pu - 1 && pv <= pu + 1) {
            return false;
        }
        int[] R = nodes[r];
        int u = R[pu];
        int x = R[pu + 1];
        double delta = m.d(R[pu - 1], R[pu + 2])
                - m.d(R[pu - 1], u)
                - m.d(x, R[pu + 2])
                - m.d(R[pv], R[pv + 1])
                + (reversed
                        ? m.d(R[pv], x) + m.d(x, u) - m.d(u, x) + m.d(u, R[pv + 1])
                        : m.d(R[pv], u) + m.d(x, R[pv + 1]));
        if (hopeless(delta, r, -1, false)) {
            return false;
        }
        if (pv < pu) {
            a.clear()
                    .range(r, 0, pv)
                    .pair(r, pu, reversed)
                    .range(r, pv + 1, pu - 1)
                    .range(r, pu + 2, end);
        } else {
            a.clear()
                    .range(r, 0, pu - 1)
                    .range(r, pu + 2, pv)
                    .pair(r, pu, reversed)
                    .range(r, pv + 1, end);
        }
        return applyIfBetter(r, -1);
    }

    private boolean intraSwap(int r, int pu, int pv) {
        if (Math.abs(pu - pv) <= 1) {
            return false;
        }
        int[] R = nodes[r];
        int u = R[pu];
        int v = R[pv];
        double delta = m.d(R[pu - 1], v)
                + m.d(v, R[pu + 1])
                - m.d(R[pu - 1], u)
                - m.d(u, R[pu + 1])
                + m.d(R[pv - 1], u)
                + m.d(u, R[pv + 1])
                - m.d(R[pv - 1], v)
                - m.d(v, R[pv + 1]);
        if (hopeless(delta, r, -1, false)) {
            return false;
        }
        int lo = Math.min(pu, pv);
        int hi = Math.max(pu, pv);
        a.clear()
                .range(r, 0, lo - 1)
                .node(nodes[r][hi])
                .range(r, lo + 1, hi - 1)
                .node(nodes[r][lo])
                .range(r, hi + 1, len[r] + 1);
        return applyIfBetter(r, -1);
    }

    private boolean intraSwapPairSingle(int r, int pu, int pv) {
        int end = len[r] + 1;
        if (pv >= pu - 1 && pv <= pu + 2) {
            return false;
        }
        if (hopeless(pairSingleDelta(r, pu, r, pv), r, -1, false)) {
            return false;
        }
        if (pv < pu) {
            a.clear()
                    .range(r, 0, pv - 1)
                    .range(r, pu, pu + 1)
                    .range(r, pv + 1, pu - 1)
                    .node(nodes[r][pv])
                    .range(r, pu + 2, end);
        } else {
            a.clear()
                    .range(r, 0, pu - 1)
                    .node(nodes[r][pv])
                    .range(r, pu + 2, pv - 1)
                    .range(r, pu, pu + 1)
                    .range(r, pv + 1, end);
        }
        return applyIfBetter(r, -1);
    }

    private boolean intraSwapPairs(int r, int pu, int pv) {
        if (Math.abs(pu - pv) <= 2) {
            return false;
        }
        if (hopeless(pairsDelta(r, pu, r, pv), r, -1, false)) {
            return false;
        }
        int lo = Math.min(pu, pv);
        int hi = Math.max(pu, pv);
        a.clear()
                .range(r, 0, lo - 1)
                .range(r, hi, hi + 1)
                .range(r, lo + 2, hi - 1)
                .range(r, lo, lo + 1)
                .range(r, hi + 2, len[r] + 1);
        return applyIfBetter(r, -1);
    }

    /** Reverses positions lo+1..hi. */
    private boolean twoOpt(int r, int lo, int hi) {
        if (hi <= lo + 1) {
            return false;
        }
        int[] R = nodes[r];
        double reversal = (cumRevDist[r][hi] - cumRevDist[r][lo + 1]) - (cumDist[r][hi] - cumDist[r][lo + 1]);
        double delta = m.d(R[lo], R[hi])
                + m.d(R[lo + 1], R[hi + 1])
                - m.d(R[lo], R[lo + 1])
                - m.d(R[hi], R[hi + 1])
                + reversal;
        if (hopeless(delta, r, -1, false)) {
            return false;
        }
        a.clear().range(r, 0, lo).reversed(r, hi, lo + 1).range(r, hi + 1, len[r] + 1);
        return applyIfBetter(r, -1);
    }

    // ---- evaluation and application ----

    /** Distance change of swapping (u, x) at pu with v at pv (non-overlapping positions). */
    private double pairSingleDelta(int ru, int pu, int rv, int pv) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int u = U[pu];
        int x = U[pu + 1];
        int v = V[pv];
        return m.d(U[pu - 1], v)
                + m.d(v, U[pu + 2])
                - m.d(U[pu - 1], u)
                - m.d(x, U[pu + 2])
                + m.d(V[pv - 1], u)
                + m.d(x, V[pv + 1])
                - m.d(V[pv - 1], v)
                - m.d(v, V[pv + 1]);
    }

    /** Distance change of swapping (u, x) at pu with (v, y) at pv (non-overlapping positions). */
    private double pairsDelta(int ru, int pu, int rv, int pv) {
        int[] U = nodes[ru];
        int[] V = nodes[rv];
        int u = U[pu];
        int x = U[pu + 1];
        int v = V[pv];
        int y = V[pv + 1];
        return m.d(U[pu - 1], v)
                + m.d(y, U[pu + 2])
                - m.d(U[pu - 1], u)
                - m.d(x, U[pu + 2])
                + m.d(V[pv - 1], u)
                + m.d(x, V[pv + 2])
                - m.d(V[pv - 1], v)
                - m.d(y, V[pv + 2]);
    }

    /**
     * O(1) screen before the full evaluation: a move whose distance change exceeds all penalty the
     * two routes carry (plus a vehicle's fixed cost if a route may empty) cannot improve.
     */
    private boolean hopeless(double distanceDelta, int ru, int rv, boolean mayEmpty) {
        double removable = routePenalty[ru] + (rv >= 0 ? routePenalty[rv] : 0) + (mayEmpty ? m.fixedVehicleCost : 0);
        return distanceDelta - removable >= -EPS;
    }

    /** Applies the move held in pieces a (new ru) and b (new rv, or rv = -1 for intra-route). */
    private boolean applyIfBetter(int ru, int rv) {
        double before = routeCost[ru] + (rv >= 0 ? routeCost[rv] : 0);
        double bound = distanceBound(a) + (rv >= 0 ? distanceBound(b) : 0);
        double penaltiesNow = routePenalty[ru] + (rv >= 0 ? routePenalty[rv] : 0);
        if (bound >= before - EPS) {
            return false;
        }
        double after = bound;
        boolean onlyDistance = penaltiesNow == 0
                && !m.timed
                && !m.durationLimited
                && rv >= 0
                && a.load <= m.capacity
                && b.load <= m.capacity;
        if (!onlyDistance) {
            after = cost(a) + (rv >= 0 ? cost(b) : 0);
            if (after >= before - EPS) {
                return false;
            }
        }
        int lengthA = materialise(a, bufferA);
        int lengthB = rv >= 0 ? materialise(b, bufferB) : 0;
        write(ru, bufferA, lengthA);
        if (rv >= 0) {
            write(rv, bufferB, lengthB);
        }
        if (audit != null) {
            audit.accept(after, routeCost[ru] + (rv >= 0 ? routeCost[rv] : 0));
        }
        moveCount++;
        lastModified[ru] = moveCount;
        if (rv >= 0) {
            lastModified[rv] = moveCount;
        }
        return true;
    }

    /** Distance plus fixed cost of the pieces' route (a lower bound of its cost); also sets load. */
    private double distanceBound(Pieces p) {
        double distance = 0;
        int count = 0;
        int load = 0;
        int last = -1;
        for (int k = 0; k < p.size; k++) {
            int r = p.route[k];
            int f = p.from[k];
            int t = p.to[k];
            int first = r < 0 ? f : nodes[r][f];
            if (last >= 0) {
                distance += m.d(last, first);
            }
            if (r < 0) {
                count++;
                load += m.demand[f];
                last = f;
                continue;
            }
            int lo = Math.min(f, t);
            int hi = Math.max(f, t);
            distance += f <= t ? cumDist[r][t] - cumDist[r][f] : cumRevDist[r][f] - cumRevDist[r][t];
            count += Math.max(0, Math.min(hi, len[r]) - Math.max(lo, 1) + 1);
            load += cumLoad[r][hi] - (lo > 0 ? cumLoad[r][lo - 1] : 0);
            last = nodes[r][t];
        }
        p.customers = count;
        p.load = load;
        p.distance = distance;
        return count == 0 ? 0 : distance + m.fixedVehicleCost;
    }

    /** Full penalised cost; requires {@link #distanceBound} to have run on p. */
    private double cost(Pieces p) {
        if (p.customers == 0) {
            return 0;
        }
        double excess;
        if (m.timed) {
            int last = -1;
            for (int k = 0; k < p.size; k++) {
                int r = p.route[k];
                int f = p.from[k];
                int t = p.to[k];
                segmentOf(r, f, t);
                int first = r < 0 ? f : nodes[r][f];
                if (last < 0) {
                    acc.copy(tmp);
                } else {
                    acc.merge(m.t(last, first), tmp.duration, tmp.timeWarp, tmp.earliest, tmp.latest);
                }
                last = r < 0 ? f : nodes[r][t];
            }
            excess = acc.timeWarp + m.durationExcess(acc.duration);
        } else if (m.durationLimited) {
            double travel = 0;
            double serviceSum = 0;
            int last = -1;
            for (int k = 0; k < p.size; k++) {
                int r = p.route[k];
                int f = p.from[k];
                int t = p.to[k];
                int first = r < 0 ? f : nodes[r][f];
                if (last >= 0) {
                    travel += m.t(last, first);
                }
                if (r < 0) {
                    serviceSum += m.service[f];
                    last = f;
                    continue;
                }
                int lo = Math.min(f, t);
                int hi = Math.max(f, t);
                travel += f <= t ? cumTravel[r][t] - cumTravel[r][f] : cumRevTravel[r][f] - cumRevTravel[r][t];
                serviceSum += cumService[r][hi] - (lo > 0 ? cumService[r][lo - 1] : 0);
                last = nodes[r][t];
            }
            excess = m.durationExcess(travel + serviceSum);
        } else {
            excess = 0;
        }
        return m.routeCost(p.customers, p.distance, p.load, excess);
    }

    /** tmp := the time segment of one piece. */
    private void segmentOf(int r, int f, int t) {
        if (r < 0) {
            tmp.setNode(m, f);
            return;
        }
        if (f <= t && f == 0) {
            double[][] pre = prefix[r];
            tmp.set(pre[0][t], pre[1][t], pre[2][t], pre[3][t]);
            return;
        }
        if (f <= t && t == len[r] + 1) {
            double[][] suf = suffix[r];
            tmp.set(suf[0][f], suf[1][f], suf[2][f], suf[3][f]);
            return;
        }
        int[] nd = nodes[r];
        int step = f <= t ? 1 : -1;
        tmp.setNode(m, nd[f]);
        for (int p = f + step; p != t + step; p += step) {
            tmp.appendNode(m, nd[p - step], nd[p]);
        }
    }

    private int materialise(Pieces p, int[] out) {
        int n = 0;
        for (int k = 0; k < p.size; k++) {
            int r = p.route[k];
            int f = p.from[k];
            int t = p.to[k];
            if (r < 0) {
                out[n++] = f;
                continue;
            }
            int step = f <= t ? 1 : -1;
            for (int q = f; q != t + step; q += step) {
                int node = nodes[r][q];
                if (node != 0) {
                    out[n++] = node;
                }
            }
        }
        return n;
    }

    private void write(int r, int[] buffer, int length) {
        System.arraycopy(buffer, 0, nodes[r], 1, length);
        nodes[r][0] = 0;
        nodes[r][length + 1] = 0;
        len[r] = length;
        rebuild(r);
    }

    private static void shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /**
     * SWAP* (Vidal 2022): exchange u of one route with v of another, each re-inserted at its best
     * position in the other route rather than in the other's place. Candidate route pairs are those
     * sharing a granular neighbour (the paper uses overlapping polar sectors, which needs
     * coordinates). For each pair, the three cheapest insertion positions of every customer into
     * the other route are precomputed, so all |U| x |V| exchanges are priced in O(1) on distance
     * and capacity; the best one is then priced exactly (windows, duration) before it is applied.
     */
    private final class SwapStar {
        private int[] lastTested = new int[0];
        private final int[][] bestPos = new int[m.nodes][3];
        private final double[][] bestCost = new double[m.nodes][3];

        boolean run(int loop) {
            if (lastTested.length < routeCount) {
                lastTested = new int[routeCount];
            }
            if (loop == 0) {
                Arrays.fill(lastTested, 0);
            }
            boolean improved = false;
            java.util.Set<Long> pairs = new java.util.LinkedHashSet<>();
            for (int u = 1; u < m.nodes; u++) {
                for (int v : neighbours[u]) {
                    int ru = routeOf[u];
                    int rv = routeOf[v];
                    if (ru != rv) {
                        pairs.add((long) Math.min(ru, rv) * routeCount + Math.max(ru, rv));
                    }
                }
            }
            for (long pair : pairs) {
                int r1 = (int) (pair / routeCount);
                int r2 = (int) (pair % routeCount);
                if (len[r1] == 0 || len[r2] == 0) {
                    continue;
                }
                if (loop > 0 && Math.max(lastModified[r1], lastModified[r2]) <= lastTested[r1]) {
                    continue;
                }
                lastTested[r1] = moveCount;
                if (exchange(r1, r2)) {
                    improved = true;
                }
            }
            return improved;
        }

        /** Best insertion positions (after position p) of every customer of {@code from} into {@code into}. */
        private void preprocess(int from, int into) {
            int[] F = nodes[from];
            int[] I = nodes[into];
            for (int p = 1; p <= len[from]; p++) {
                int u = F[p];
                double[] cost = bestCost[u];
                int[] pos = bestPos[u];
                Arrays.fill(cost, Double.POSITIVE_INFINITY);
                Arrays.fill(pos, -1);
                for (int q = 0; q <= len[into]; q++) {
                    double c = m.d(I[q], u) + m.d(u, I[q + 1]) - m.d(I[q], I[q + 1]);
                    if (c < cost[2]) {
                        int k = 2;
                        while (k > 0 && c < cost[k - 1]) {
                            cost[k] = cost[k - 1];
                            pos[k] = pos[k - 1];
                            k--;
                        }
                        cost[k] = c;
                        pos[k] = q;
                    }
                }
            }
        }

        /** Cheapest insertion of u (from the other route) into route r once the customer at pv leaves. */
        private double insertionWithout(int u, int r, int pv, int[] position) {
            int[] R = nodes[r];
            double best = m.d(R[pv - 1], u) + m.d(u, R[pv + 1]) - m.d(R[pv - 1], R[pv + 1]);
            position[0] = pv - 1;
            for (int k = 0; k < 3; k++) {
                int q = bestPos[u][k];
                if (q >= 0 && q != pv && q != pv - 1 && bestCost[u][k] < best) {
                    best = bestCost[u][k];
                    position[0] = q;
                    break;
                }
            }
            return best;
        }

        private boolean exchange(int ru, int rv) {
            preprocess(ru, rv);
            preprocess(rv, ru);
            int[] U = nodes[ru];
            int[] V = nodes[rv];
            int loadU = cumLoad[ru][len[ru] + 1];
            int loadV = cumLoad[rv][len[rv] + 1];
            double capacityNowU = m.capacityPenalty * Math.max(0, loadU - m.capacity);
            double capacityNowV = m.capacityPenalty * Math.max(0, loadV - m.capacity);
            double bestDelta = -EPS;
            int bestPu = -1;
            int bestPv = -1;
            int bestInsertU = -1;
            int bestInsertV = -1;
            int[] position = new int[1];
            for (int pu = 1; pu <= len[ru]; pu++) {
                int u = U[pu];
                double removeU = m.d(U[pu - 1], U[pu + 1]) - m.d(U[pu - 1], u) - m.d(u, U[pu + 1]);
                for (int pv = 1; pv <= len[rv]; pv++) {
                    int v = V[pv];
                    int shift = m.demand[v] - m.demand[u];
                    double penaltyU = m.capacityPenalty * Math.max(0, loadU + shift - m.capacity) - capacityNowU;
                    double penaltyV = m.capacityPenalty * Math.max(0, loadV - shift - m.capacity) - capacityNowV;
                    double removeV = m.d(V[pv - 1], V[pv + 1]) - m.d(V[pv - 1], v) - m.d(v, V[pv + 1]);
                    double partial = penaltyU + penaltyV + removeU + removeV;
                    if (partial >= bestDelta) {
                        continue; // insertions cost >= 0 under the triangle inequality
                    }
                    double insertU = insertionWithout(u, rv, pv, position);
                    int whereU = position[0];
                    double insertV = insertionWithout(v, ru, pu, position);
                    double delta = partial + insertU + insertV;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        bestPu = pu;
                        bestPv = pv;
                        bestInsertU = whereU;
                        bestInsertV = position[0];
                    }
                }
            }
            if (bestPu < 0) {
                return false;
            }
            removeAndInsert(a, ru, bestPu, V[bestPv], bestInsertV);
            removeAndInsert(b, rv, bestPv, U[bestPu], bestInsertU);
            return applyIfBetter(ru, rv);
        }

        /** Route r without its customer at p, with {@code node} inserted after position q (q != p). */
        private void removeAndInsert(Pieces pieces, int r, int p, int node, int q) {
            int end = len[r] + 1;
            if (q < p) {
                pieces.clear().range(r, 0, q).node(node).range(r, q + 1, p - 1).range(r, p + 1, end);
            } else {
                pieces.clear().range(r, 0, p - 1).range(r, p + 1, q).node(node).range(r, q + 1, end);
            }
        }
    }

    /** A new route under evaluation: pieces (route, from, to) or single nodes (route = -1). */
    private static final class Pieces {
        final int[] route = new int[MAX_PIECES];
        final int[] from = new int[MAX_PIECES];
        final int[] to = new int[MAX_PIECES];
        int size;
        int customers;
        int load;
        double distance;

        Pieces clear() {
            size = 0;
            return this;
        }

        /** Positions f..t of route r in order; nothing when t < f. */
        Pieces range(int r, int f, int t) {
            if (t < f) {
                return this;
            }
            return add(r, f, t);
        }

        /** Positions f down to t of route r (f >= t). */
        Pieces reversed(int r, int f, int t) {
            return add(r, f, t);
        }

        /** Positions p and p+1 of route r, possibly as p+1 then p. */
        Pieces pair(int r, int p, boolean reversedOrder) {
            return reversedOrder ? add(r, p + 1, p) : add(r, p, p + 1);
        }

        private Pieces add(int r, int f, int t) {
            route[size] = r;
            from[size] = f;
            to[size] = t;
            size++;
            return this;
        }

        Pieces node(int node) {
            route[size] = -1;
            from[size] = node;
            to[size] = node;
            size++;
            return this;
        }
    }
}
