package com.quanyu.routes.solver.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * HGS population management: feasible and infeasible sub-populations sorted by penalised cost,
 * each grown to mu + lambda and then cut back to mu by removing the worst "biased fitness" (rank
 * by cost plus rank by diversity contribution, clones first), which keeps good and different
 * solutions. Parents come from binary tournaments on biased fitness.
 */
final class Population {
    private final CostModel m;
    private final SearchParameters p;
    private final List<Individual> feasible = new ArrayList<>();
    private final List<Individual> infeasible = new ArrayList<>();

    Population(CostModel m, SearchParameters p) {
        this.m = m;
        this.p = p;
    }

    void add(Individual individual) {
        List<Individual> sub = individual.feasible() ? feasible : infeasible;
        for (Individual other : sub) {
            double d = individual.brokenPairsDistance(other);
            other.addNeighbour(d, individual);
            individual.addNeighbour(d, other);
        }
        int at = 0;
        while (at < sub.size() && sub.get(at).penalizedCost < individual.penalizedCost) {
            at++;
        }
        sub.add(at, individual);
        if (sub.size() >= p.mu() + p.lambda()) {
            while (sub.size() > p.mu()) {
                removeWorst(sub);
            }
        }
    }

    Individual tournament(RandomGenerator random) {
        updateBiasedFitness(feasible);
        updateBiasedFitness(infeasible);
        int total = feasible.size() + infeasible.size();
        Individual a = get(random.nextInt(total));
        Individual b = get(random.nextInt(total));
        return a.biasedFitness < b.biasedFitness ? a : b;
    }

    private Individual get(int i) {
        return i < feasible.size() ? feasible.get(i) : infeasible.get(i - feasible.size());
    }

    int size() {
        return feasible.size() + infeasible.size();
    }

    /** After a penalty change: re-price and re-sort the infeasible individuals. */
    void reprice() {
        for (Individual i : infeasible) {
            i.reprice(m);
        }
        infeasible.sort(Comparator.comparingDouble(i -> i.penalizedCost));
        for (Individual i : feasible) {
            i.reprice(m);
        }
    }

    /** Giant tours of up to {@code count} individuals, feasible ones first, cheapest first. */
    List<int[]> tours(int count) {
        List<int[]> tours = new ArrayList<>();
        for (List<Individual> sub : List.of(feasible, infeasible)) {
            for (Individual i : sub) {
                if (tours.size() < count) {
                    tours.add(i.tour.clone());
                }
            }
        }
        return tours;
    }

    void clear() {
        feasible.clear();
        infeasible.clear();
    }

    private void updateBiasedFitness(List<Individual> sub) {
        int n = sub.size();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            sub.get(0).biasedFitness = 0;
            return;
        }
        Integer[] byDiversity = new Integer[n];
        double[] diversity = new double[n];
        for (int i = 0; i < n; i++) {
            byDiversity[i] = i;
            diversity[i] = sub.get(i).averageClosestDistance(p.closest());
        }
        Arrays.sort(byDiversity, (x, y) -> Double.compare(diversity[y], diversity[x]));
        double eliteWeight = 1.0 - (double) p.elite() / n;
        for (int rank = 0; rank < n; rank++) {
            int i = byDiversity[rank];
            double divRank = (double) rank / (n - 1);
            double fitRank = (double) i / (n - 1);
            sub.get(i).biasedFitness = n <= p.elite() ? fitRank : fitRank + eliteWeight * divRank;
        }
    }

    private void removeWorst(List<Individual> sub) {
        updateBiasedFitness(sub);
        int worst = -1;
        boolean worstIsClone = false;
        for (int i = 1; i < sub.size(); i++) {
            Individual candidate = sub.get(i);
            boolean clone = candidate.averageClosestDistance(1) < 1e-9;
            if (worst < 0
                    || (clone && !worstIsClone)
                    || (clone == worstIsClone && candidate.biasedFitness > sub.get(worst).biasedFitness)) {
                worst = i;
                worstIsClone = clone;
            }
        }
        Individual removed = sub.remove(worst);
        for (Individual other : sub) {
            other.removeNeighbour(removed);
        }
    }
}
