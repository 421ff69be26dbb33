package com.quanyu.routes.solver.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One solution of the population: its routes, the giant tour they concatenate to (the
 * chromosome), totals for penalised cost, successor/predecessor arrays for the broken-pairs
 * distance, and its distances to the others of its sub-population (closest first).
 */
final class Individual {
    final int[] tour;
    final List<int[]> routes;
    final double distance;
    final int vehicles;
    final int capacityExcess;
    final double timeExcess;
    final int[] successor;
    final int[] predecessor;
    double penalizedCost;
    double biasedFitness;
    final List<Neighbour> proximity = new ArrayList<>();

    /** Distance to another individual of the same sub-population. */
    record Neighbour(double distance, Individual other) {}

    Individual(CostModel m, List<int[]> unorderedRoutes) {
        List<int[]> ordered = new ArrayList<>(unorderedRoutes);
        if (m.x != null) {
            // routes by polar angle of their barycentre, so the giant tour keeps neighbours close
            ordered.sort(Comparator.comparingDouble(r -> angle(m, r)));
        }
        this.routes = List.copyOf(ordered);
        this.tour = new int[m.customers()];
        this.successor = new int[m.nodes];
        this.predecessor = new int[m.nodes];
        double dist = 0;
        int excess = 0;
        double time = 0;
        int k = 0;
        for (int[] route : routes) {
            CostModel.RouteFigures f = m.evaluate(route, route.length);
            dist += f.distance();
            excess += Math.max(0, f.load() - m.capacity);
            time += f.timeExcess();
            for (int i = 0; i < route.length; i++) {
                tour[k++] = route[i];
                predecessor[route[i]] = i == 0 ? 0 : route[i - 1];
                successor[route[i]] = i == route.length - 1 ? 0 : route[i + 1];
            }
        }
        if (k != tour.length) {
            throw new IllegalStateException("routes serve " + k + " customers, expected " + tour.length);
        }
        this.distance = dist;
        this.vehicles = routes.size();
        this.capacityExcess = excess;
        this.timeExcess = time;
        reprice(m);
    }

    private static double angle(CostModel m, int[] route) {
        double sx = 0;
        double sy = 0;
        for (int c : route) {
            sx += m.x[c];
            sy += m.y[c];
        }
        return Math.atan2(sy / route.length - m.y[0], sx / route.length - m.x[0]);
    }

    void reprice(CostModel m) {
        penalizedCost = distance
                + m.fixedVehicleCost * vehicles
                + m.capacityPenalty * capacityExcess
                + m.timePenalty * timeExcess;
    }

    boolean feasible() {
        return capacityExcess == 0 && timeExcess < 1e-6;
    }

    /** Cost of a feasible solution under the true objective (fixed vehicle cost included). */
    double objective(CostModel m) {
        return distance + m.fixedVehicleCost * vehicles;
    }

    /** Broken-pairs distance: share of customers whose neighbours differ (Prins 2009). */
    double brokenPairsDistance(Individual o) {
        int differences = 0;
        int n = tour.length;
        for (int j = 1; j <= n; j++) {
            if (successor[j] != o.successor[j] && successor[j] != o.predecessor[j]) {
                differences++;
            }
            if (predecessor[j] == 0 && o.predecessor[j] != 0 && o.successor[j] != 0) {
                differences++;
            }
        }
        return (double) differences / n;
    }

    /** Mean distance to the {@code count} closest others (the diversity contribution). */
    double averageClosestDistance(int count) {
        int k = Math.min(count, proximity.size());
        if (k == 0) {
            return 1.0;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += proximity.get(i).distance();
        }
        return sum / k;
    }

    void addNeighbour(double d, Individual other) {
        int i = 0;
        while (i < proximity.size() && proximity.get(i).distance() < d) {
            i++;
        }
        proximity.add(i, new Neighbour(d, other));
    }

    void removeNeighbour(Individual other) {
        proximity.removeIf(n -> n.other() == other);
    }
}
