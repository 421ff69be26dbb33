package com.quanyu.routes.solver.internal;

import io.jenetics.EnumGene;
import io.jenetics.Genotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * One single-threaded hybrid genetic search (Vidal 2012/2022): steady state, each iteration picks
 * two parents by binary tournament, recombines their giant tours with {@link OrderCrossover},
 * splits the child into routes optimally ({@link Split}), educates it by {@link LocalSearch}
 * under penalised capacity and time, and inserts it into the {@link Population}; half of the
 * infeasible children are repaired with ten-fold penalties. Penalties adapt every 100 children
 * towards 20 % feasible; the population restarts after a long stretch without improvement.
 *
 * <p>All randomness comes from Jenetics' {@link RandomRegistry}, scoped to this run with a
 * generator seeded from the run's seed, so a run is reproducible for its seed and iteration count.
 */
public final class HgsSearch {
    private static final int PENALTY_WINDOW = 100;
    private static final double MIN_PENALTY = 0.1;
    private static final double MAX_PENALTY = 1e6;

    private final CostModel m;
    private final SearchParameters p;
    private final int[][] neighbours;
    private final Split split;
    private final LocalSearch localSearch;
    private final Population population;
    private final GiantTour giantTour;
    private final OrderCrossover<Integer, Double> crossover = new OrderCrossover<>(1.0);
    private final Deque<Boolean> loadFeasible = new ArrayDeque<>();
    private final Deque<Boolean> timeFeasible = new ArrayDeque<>();

    private Individual best;
    private long iterations;
    private long sinceImprovement;
    private long sinceRestart;
    private long educations;
    private RandomGenerator random;
    private RandomGenerator generator;

    public HgsSearch(CostModel model, SearchParameters parameters) {
        this.m = model;
        this.p = parameters;
        this.neighbours = Neighbourhoods.granular(model, parameters.granularity());
        this.split = new Split(model);
        this.localSearch = new LocalSearch(model, neighbours);
        this.population = new Population(model, parameters);
        this.giantTour = new GiantTour(model.customers());
    }

    /** What a run found: the best solution (feasible if any was found) and the work done. */
    public record Outcome(List<int[]> routes, boolean feasible, double distance, int vehicles, long iterations) {}

    /**
     * Runs until {@code limits} says stop. {@code seedTours} (giant tours, may be empty) join the
     * first population; {@code onImprovement} sees every new best feasible solution.
     */
    public Outcome run(long seed, SearchLimits limits, List<int[]> seedTours, Consumer<Outcome> onImprovement) {
        generator = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        RandomRegistry.using(generator, r -> {
            this.random = r;
            initialise(seedTours, limits, onImprovement);
            search(limits, onImprovement);
        });
        return outcome(best);
    }

    /**
     * Continues a finished {@link #run} with its population, penalties and random state; the
     * limits count iterations from the start of the first run.
     */
    public Outcome resume(SearchLimits limits, Consumer<Outcome> onImprovement) {
        if (generator == null) {
            throw new IllegalStateException("resume needs a previous run");
        }
        RandomRegistry.using(generator, r -> {
            this.random = r;
            search(limits, onImprovement);
        });
        return outcome(best);
    }

    /** Giant tours of the current population (feasible first), to seed a related search. */
    public List<int[]> populationTours() {
        return population.tours(p.mu());
    }

    public long iterations() {
        return iterations;
    }

    private void search(SearchLimits limits, Consumer<Outcome> onImprovement) {
        while (!limits.reached(iterations, sinceImprovement)) {
            Individual first = population.tournament(random);
            Individual second = population.tournament(random);
            ISeq<EnumGene<Integer>> child = crossover.child(genes(first), genes(second));
            educate(GiantTour.tour(child), onImprovement);
            iterations++;
            sinceRestart++;
            if (sinceRestart >= p.restartAfter() && sinceImprovement >= p.restartAfter()) {
                population.clear();
                sinceRestart = 0;
                initialise(List.of(), limits, onImprovement);
            }
        }
    }

    private ISeq<EnumGene<Integer>> genes(Individual individual) {
        Genotype<EnumGene<Integer>> genotype = giantTour.genotype(individual.tour);
        return GiantTour.genes(genotype);
    }

    private void initialise(List<int[]> seedTours, SearchLimits limits, Consumer<Outcome> onImprovement) {
        int target = 4 * p.mu();
        for (int k = 0; k < target && !limits.reached(iterations, sinceImprovement); k++) {
            int[] tour = k < seedTours.size() ? seedTours.get(k) : GiantTour.tour(giantTour.random());
            educate(tour, onImprovement);
        }
    }

    private void educate(int[] tour, Consumer<Outcome> onImprovement) {
        Individual child = new Individual(m, localSearch.run(split.split(tour), random));
        record(child);
        if (++educations % PENALTY_WINDOW == 0) {
            adaptPenalties(); // also during the initial population, so the weights settle early
        }
        population.add(child);
        boolean improved = consider(child);
        if (!child.feasible() && random.nextDouble() < p.repairProbability()) {
            double capacityPenalty = m.capacityPenalty;
            double timePenalty = m.timePenalty;
            m.capacityPenalty *= 10;
            m.timePenalty *= 10;
            List<int[]> repaired = localSearch.run(child.routes, random);
            m.capacityPenalty = capacityPenalty;
            m.timePenalty = timePenalty;
            Individual fixed = new Individual(m, repaired);
            if (fixed.feasible()) {
                population.add(fixed);
                improved |= consider(fixed);
            }
        }
        if (improved) {
            sinceImprovement = 0;
            onImprovement.accept(outcome(best));
        } else {
            sinceImprovement++;
        }
    }

    private boolean consider(Individual candidate) {
        if (!candidate.feasible()) {
            if (best == null || (!best.feasible() && candidate.penalizedCost < best.penalizedCost - 1e-9)) {
                best = candidate;
            }
            return false;
        }
        if (best == null || !best.feasible() || candidate.objective(m) < best.objective(m) - 1e-9) {
            best = candidate;
            return true;
        }
        return false;
    }

    private void record(Individual child) {
        loadFeasible.addLast(child.capacityExcess == 0);
        timeFeasible.addLast(child.timeExcess < 1e-6);
        if (loadFeasible.size() > PENALTY_WINDOW) {
            loadFeasible.removeFirst();
            timeFeasible.removeFirst();
        }
    }

    private void adaptPenalties() {
        m.capacityPenalty = adapt(m.capacityPenalty, share(loadFeasible));
        if (m.timed || m.durationLimited) {
            m.timePenalty = adapt(m.timePenalty, share(timeFeasible));
        }
        population.reprice();
    }

    private double adapt(double penalty, double feasibleShare) {
        if (feasibleShare < p.targetFeasible() - 0.05) {
            return Math.min(MAX_PENALTY, penalty * 1.2);
        }
        if (feasibleShare > p.targetFeasible() + 0.05) {
            return Math.max(MIN_PENALTY, penalty * 0.85);
        }
        return penalty;
    }

    private static double share(Deque<Boolean> history) {
        if (history.isEmpty()) {
            return 1;
        }
        return (double) history.stream().filter(b -> b).count() / history.size();
    }

    private Outcome outcome(Individual individual) {
        if (individual == null) {
            return new Outcome(List.of(), false, Double.NaN, 0, iterations);
        }
        List<int[]> copy = new ArrayList<>();
        for (int[] route : individual.routes) {
            copy.add(Arrays.copyOf(route, route.length));
        }
        return new Outcome(copy, individual.feasible(), individual.distance, individual.vehicles, iterations);
    }
}
