package com.quanyu.routes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vehicle routing problem: node 0 is the depot, nodes 1..n are customers. Covers the capacitated
 * VRP (fixed fleet of K or unlimited), maximum route duration with service times, and time windows
 * on the start of service. Travel time equals distance unless a separate matrix is supplied.
 * Immutable; build with {@link #builder()}.
 */
public final class Problem {
    /** Fleet size meaning "as many vehicles as needed". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final String name;
    private final List<String> ids;
    private final double[] x;
    private final double[] y;
    private final int[] demand;
    private final double[] ready;
    private final double[] due;
    private final double[] service;
    private final int capacity;
    private final int fleetSize;
    private final double maxRouteDuration;
    private final DistanceMatrix distances;
    private final DistanceMatrix travelTimes;
    private final Objective objective;
    private final boolean timeWindows;

    private Problem(Builder b) {
        int n = b.demand.size();
        if (n < 2) {
            throw new IllegalArgumentException("a problem needs a depot and at least one customer");
        }
        this.name = b.name;
        this.ids = List.copyOf(b.ids);
        this.x =
                b.hasCoordinates ? b.x.stream().mapToDouble(Double::doubleValue).toArray() : null;
        this.y =
                b.hasCoordinates ? b.y.stream().mapToDouble(Double::doubleValue).toArray() : null;
        this.demand = b.demand.stream().mapToInt(Integer::intValue).toArray();
        this.ready = b.ready.stream().mapToDouble(Double::doubleValue).toArray();
        this.due = b.due.stream().mapToDouble(Double::doubleValue).toArray();
        this.service = b.service.stream().mapToDouble(Double::doubleValue).toArray();
        this.capacity = b.capacity;
        this.fleetSize = b.fleetSize;
        this.maxRouteDuration = b.maxRouteDuration;
        this.objective = b.objective;
        this.distances = b.distances != null
                ? b.distances
                : DistanceMatrix.fromCoordinates(
                        this.x, this.y, Objects.requireNonNull(b.metric, "metric or distances"));
        this.travelTimes = b.travelTimes != null
                ? b.travelTimes
                : b.travelTimeFactor == 1.0 ? distances : distances.scaled(b.travelTimeFactor);
        if (distances.size() != n || travelTimes.size() != n) {
            throw new IllegalArgumentException("matrix size " + distances.size() + " does not match " + n + " nodes");
        }
        boolean tw = false;
        for (int i = 0; i < n; i++) {
            tw |= ready[i] > 0 || due[i] < Double.POSITIVE_INFINITY;
        }
        this.timeWindows = tw;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    /** Number of nodes including the depot. */
    public int size() {
        return demand.length;
    }

    public int customerCount() {
        return demand.length - 1;
    }

    /** The caller's identifier of node {@code i} (the depot is node 0). */
    public String id(int i) {
        return ids.get(i);
    }

    public boolean hasCoordinates() {
        return x != null;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public int demand(int i) {
        return demand[i];
    }

    public double ready(int i) {
        return ready[i];
    }

    public double due(int i) {
        return due[i];
    }

    public double service(int i) {
        return service[i];
    }

    public int capacity() {
        return capacity;
    }

    /** Maximum number of routes, or {@link #UNLIMITED}. */
    public int fleetSize() {
        return fleetSize;
    }

    public boolean fleetLimited() {
        return fleetSize != UNLIMITED;
    }

    /** Maximum duration of a route (travel + waiting + service), infinite when unconstrained. */
    public double maxRouteDuration() {
        return maxRouteDuration;
    }

    public boolean hasDurationLimit() {
        return maxRouteDuration < Double.POSITIVE_INFINITY;
    }

    /** Whether any node has a time window (the depot's included). */
    public boolean hasTimeWindows() {
        return timeWindows;
    }

    public double distance(int from, int to) {
        return distances.get(from, to);
    }

    public double travelTime(int from, int to) {
        return travelTimes.get(from, to);
    }

    public DistanceMatrix distances() {
        return distances;
    }

    public DistanceMatrix travelTimes() {
        return travelTimes;
    }

    public Objective objective() {
        return objective;
    }

    public long totalDemand() {
        long sum = 0;
        for (int d : demand) {
            sum += d;
        }
        return sum;
    }

    /** The same problem with another objective or fleet size (e.g. for a benchmark convention). */
    public Problem with(Objective newObjective, int newFleetSize) {
        Builder b = toBuilder();
        b.objective = newObjective;
        b.fleetSize = newFleetSize;
        return b.build();
    }

    /** The same problem with another maximum route duration. */
    public Problem withMaxRouteDuration(double limit) {
        return toBuilder().maxRouteDuration(limit).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder()
                .name(name)
                .capacity(capacity)
                .fleetSize(fleetSize)
                .maxRouteDuration(maxRouteDuration)
                .objective(objective);
        b.distances = distances;
        b.travelTimes = travelTimes;
        for (int i = 0; i < size(); i++) {
            b.node(
                    ids.get(i),
                    x == null ? Double.NaN : x[i],
                    y == null ? Double.NaN : y[i],
                    demand[i],
                    ready[i],
                    due[i],
                    service[i]);
        }
        b.hasCoordinates = x != null;
        return b;
    }

    /** Collects nodes (the first one added is the depot) and fleet settings. */
    public static final class Builder {
        private String name = "problem";
        private final List<String> ids = new ArrayList<>();
        private final List<Double> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();
        private final List<Integer> demand = new ArrayList<>();
        private final List<Double> ready = new ArrayList<>();
        private final List<Double> due = new ArrayList<>();
        private final List<Double> service = new ArrayList<>();
        private boolean hasCoordinates = true;
        private int capacity = Integer.MAX_VALUE;
        private int fleetSize = UNLIMITED;
        private double maxRouteDuration = Double.POSITIVE_INFINITY;
        private DistanceMatrix.Metric metric = DistanceMatrix.Metric.EUCLIDEAN;
        private DistanceMatrix distances;
        private DistanceMatrix travelTimes;
        private double travelTimeFactor = 1.0;
        private Objective objective = Objective.DISTANCE;

        private Builder() {}

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Adds a node; the first node added is the depot. NaN coordinates mean "none, use a matrix". */
        public Builder node(
                String id, double nx, double ny, int nodeDemand, double readyTime, double dueTime, double serviceTime) {
            ids.add(id);
            x.add(nx);
            y.add(ny);
            hasCoordinates &= !Double.isNaN(nx) && !Double.isNaN(ny);
            demand.add(nodeDemand);
            ready.add(readyTime);
            due.add(dueTime);
            service.add(serviceTime);
            return this;
        }

        /** Adds a node without time window. */
        public Builder node(String id, double nx, double ny, int nodeDemand, double serviceTime) {
            return node(id, nx, ny, nodeDemand, 0, Double.POSITIVE_INFINITY, serviceTime);
        }

        public Builder capacity(int value) {
            this.capacity = value;
            return this;
        }

        public Builder fleetSize(int value) {
            this.fleetSize = value;
            return this;
        }

        public Builder maxRouteDuration(double value) {
            this.maxRouteDuration = value;
            return this;
        }

        public Builder metric(DistanceMatrix.Metric value) {
            this.metric = value;
            return this;
        }

        public Builder distances(DistanceMatrix value) {
            this.distances = value;
            return this;
        }

        public Builder travelTimes(DistanceMatrix value) {
            this.travelTimes = value;
            return this;
        }

        /** Travel time = distance x factor (e.g. 2.0 minutes per km at 30 km/h), when no time matrix is given. */
        public Builder travelTimeFactor(double value) {
            this.travelTimeFactor = value;
            return this;
        }

        public Builder objective(Objective value) {
            this.objective = value;
            return this;
        }

        public Problem build() {
            return new Problem(this);
        }
    }
}
