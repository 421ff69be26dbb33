package com.quanyu.routes.solver.internal;

import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;

/**
 * The solver's flat, primitive view of a problem plus the current penalty weights. The penalised
 * cost of a route is distance + fixed vehicle cost + capacity excess x capacity penalty +
 * (time warp + duration excess) x time penalty. Time windows use Vidal's time-warp segments:
 * a segment (duration, timeWarp, earliest, latest) summarises a visit sequence so that two
 * segments concatenate in O(1) (Vidal et al. 2013, "A hybrid genetic algorithm with adaptive
 * diversity management for a large class of vehicle routing problems with time-windows").
 */
public final class CostModel {
    private static final double INITIAL_TIME_PENALTY = 10.0;
    final int nodes;
    final double[] dist;
    final double[] time;
    final int[] demand;
    final double[] ready;
    final double[] due;
    final double[] service;
    final int capacity;
    final double maxDuration;
    final boolean timed;
    final boolean durationLimited;
    final int fleetLimit;
    final double fixedVehicleCost;
    final double maxDistance;
    /** Coordinates for ordering routes by angle around the depot; null when the input has none. */
    final double[] x;

    final double[] y;
    double capacityPenalty;
    double timePenalty;

    public CostModel(Problem p) {
        this.nodes = p.size();
        this.dist = new double[nodes * nodes];
        this.time = new double[nodes * nodes];
        double maxD = 0;
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                dist[i * nodes + j] = p.distance(i, j);
                time[i * nodes + j] = p.travelTime(i, j);
                maxD = Math.max(maxD, dist[i * nodes + j]);
            }
        }
        this.maxDistance = maxD;
        this.demand = new int[nodes];
        this.ready = new double[nodes];
        this.due = new double[nodes];
        this.service = new double[nodes];
        int maxDemand = 1;
        for (int i = 0; i < nodes; i++) {
            demand[i] = p.demand(i);
            ready[i] = p.ready(i);
            due[i] = p.due(i);
            service[i] = p.service(i);
            maxDemand = Math.max(maxDemand, demand[i]);
        }
        this.x = p.hasCoordinates() ? new double[nodes] : null;
        this.y = p.hasCoordinates() ? new double[nodes] : null;
        for (int i = 0; x != null && i < nodes; i++) {
            x[i] = p.x(i);
            y[i] = p.y(i);
        }
        this.capacity = p.capacity();
        this.maxDuration = p.maxRouteDuration();
        this.timed = p.hasTimeWindows();
        this.durationLimited = p.hasDurationLimit();
        this.fleetLimit = p.fleetSize();
        // Hierarchical objective: a vehicle costs the longest edge, which biases split and local search
        // towards emptying routes; the fleet itself is minimised by re-solving with one vehicle fewer
        // (RouteSolver), since a prohibitive fixed cost would swamp the adaptive penalties.
        this.fixedVehicleCost = p.objective() == Objective.VEHICLES_THEN_DISTANCE ? maxD : 0;
        this.capacityPenalty = Math.max(0.1, Math.min(1000, maxD / maxDemand));
        // A unit of lateness or overtime starts at the price of INITIAL_TIME_PENALTY units of distance;
        // starting at 1 left windowed instances infeasible for thousands of iterations.
        this.timePenalty = INITIAL_TIME_PENALTY;
    }

    double d(int i, int j) {
        return dist[i * nodes + j];
    }

    double t(int i, int j) {
        return time[i * nodes + j];
    }

    public int customers() {
        return nodes - 1;
    }

    public int fleetLimit() {
        return fleetLimit;
    }

    public double capacityPenalty() {
        return capacityPenalty;
    }

    public double timePenalty() {
        return timePenalty;
    }

    /** Penalised cost of a route from its totals (an empty route costs nothing). */
    double routeCost(int customers, double distance, int load, double timeExcess) {
        if (customers == 0) {
            return 0;
        }
        return distance + fixedVehicleCost + capacityPenalty * Math.max(0, load - capacity) + timePenalty * timeExcess;
    }

    double durationExcess(double duration) {
        return durationLimited ? Math.max(0, duration - maxDuration) : 0;
    }

    /** Figures of one complete route (customers only, depot implicit), evaluated from scratch. */
    RouteFigures evaluate(int[] route, int length) {
        Segment seg = new Segment();
        seg.setNode(this, 0);
        double distance = 0;
        double travel = 0;
        double serviceSum = 0;
        int load = 0;
        int prev = 0;
        for (int k = 0; k <= length; k++) {
            int node = k < length ? route[k] : 0;
            distance += d(prev, node);
            travel += t(prev, node);
            serviceSum += service[node];
            load += demand[node];
            if (timed) {
                seg.appendNode(this, prev, node);
            }
            prev = node;
        }
        double excess = timed ? seg.timeWarp + durationExcess(seg.duration) : durationExcess(travel + serviceSum);
        return new RouteFigures(distance, load, excess);
    }

    /** Totals of a route: distance, load, time warp plus duration excess. */
    record RouteFigures(double distance, int load, double timeExcess) {}

    /** A mutable time-warp segment; {@link #merge} is the O(1) concatenation. */
    static final class Segment {
        double duration;
        double timeWarp;
        double earliest;
        double latest;

        void setNode(CostModel m, int node) {
            duration = m.service[node];
            timeWarp = 0;
            earliest = m.ready[node];
            latest = m.due[node];
        }

        void set(double dur, double tw, double e, double l) {
            duration = dur;
            timeWarp = tw;
            earliest = e;
            latest = l;
        }

        void copy(Segment s) {
            set(s.duration, s.timeWarp, s.earliest, s.latest);
        }

        /** this := this followed by a segment (after travel time {@code travel} between them). */
        void merge(double travel, double bDuration, double bTimeWarp, double bEarliest, double bLatest) {
            double delta = duration - timeWarp + travel;
            double wait = Math.max(bEarliest - delta - latest, 0);
            double warp = Math.max(earliest + delta - bLatest, 0);
            double newEarliest = Math.max(bEarliest - delta, earliest) - wait;
            double newLatest = Math.min(bLatest - delta, latest) + warp;
            duration = duration + bDuration + travel + wait;
            timeWarp = timeWarp + bTimeWarp + warp;
            earliest = newEarliest;
            latest = newLatest;
        }

        void appendNode(CostModel m, int from, int node) {
            merge(m.t(from, node), m.service[node], 0, m.ready[node], m.due[node]);
        }
    }
}
