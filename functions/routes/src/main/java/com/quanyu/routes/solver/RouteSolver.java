package com.quanyu.routes.solver;

import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import com.quanyu.routes.solver.internal.CostModel;
import com.quanyu.routes.solver.internal.HgsSearch;
import com.quanyu.routes.solver.internal.SearchLimits;
import com.quanyu.routes.solver.internal.SearchParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Solves vehicle routing problems with a hybrid genetic search. Runs {@code threads} independent
 * searches in parallel, each with its own seed derived from the options' seed, and keeps the best
 * (ties go to the lower thread index, so a solve limited by iterations is reproducible). For the
 * hierarchical objective each search first minimises the fleet (route elimination: re-solve with
 * one vehicle fewer until that fails), then distance at the smallest fleet found.
 */
public final class RouteSolver {
    private RouteSolver() {}

    public static SolverResult solve(Problem problem, SolverOptions options) {
        return solve(problem, options, s -> {}, new AtomicBoolean());
    }

    /**
     * Solves, reporting each new best feasible solution (from any thread) to {@code onImprovement}
     * as it is found, and stopping early once {@code cancel} is set; the best so far is returned.
     */
    public static SolverResult solve(
            Problem problem, SolverOptions options, Consumer<SolverResult> onImprovement, AtomicBoolean cancel) {
        long start = System.nanoTime();
        long deadline = start + options.timeLimit().toNanos();
        SplittableRandom seeds = new SplittableRandom(options.seed());
        long[] threadSeeds = new long[options.threads()];
        for (int i = 0; i < threadSeeds.length; i++) {
            threadSeeds[i] = seeds.nextLong();
        }
        AtomicReference<SolverResult> bestSoFar = new AtomicReference<>();
        Consumer<HgsSearch.Outcome> report = outcome -> {
            SolverResult result = result(outcome, start);
            SolverResult now = bestSoFar.accumulateAndGet(result, (a, b) -> better(problem.objective(), a, b));
            if (now == result) {
                onImprovement.accept(result);
            }
        };
        List<HgsSearch.Outcome> outcomes = new ArrayList<>();
        if (options.threads() == 1) {
            outcomes.add(runOne(problem, options, threadSeeds[0], deadline, cancel, report));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads());
            try {
                List<Future<HgsSearch.Outcome>> futures = new ArrayList<>();
                for (long seed : threadSeeds) {
                    futures.add(pool.submit(() -> runOne(problem, options, seed, deadline, cancel, report)));
                }
                for (Future<HgsSearch.Outcome> f : futures) {
                    outcomes.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("solve interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a search thread failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        SolverResult best = null;
        long iterations = 0;
        for (HgsSearch.Outcome o : outcomes) {
            iterations += o.iterations();
            best = better(problem.objective(), best, result(o, start));
        }
        return new SolverResult(
                best.solution(),
                best.feasible(),
                best.distance(),
                best.vehicles(),
                iterations,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static HgsSearch.Outcome runOne(
            Problem problem,
            SolverOptions options,
            long seed,
            long deadline,
            AtomicBoolean cancel,
            Consumer<HgsSearch.Outcome> report) {
        SearchParameters parameters = SearchParameters.defaults().withGranularity(options.granularity());
        if (problem.objective() == Objective.DISTANCE) {
            SearchLimits limits = new SearchLimits(
                    deadline, options.maxIterations(), options.maxIterationsWithoutImprovement(), cancel::get);
            return new HgsSearch(new CostModel(problem), parameters).run(seed, limits, List.of(), report);
        }
        return new FleetMinimisation(problem, options, parameters, seed, deadline, cancel, report).run();
    }

    /**
     * Route elimination then distance minimisation. Phase 1 (a quarter of the budget) minimises
     * distance plus a small vehicle cost; then each trial re-solves with one vehicle fewer than the
     * best feasible solution, seeded with the tours of the population that found it, for at most a quarter of the budget and only
     * until a feasible solution appears (until 75 % in all); finally the last successful search is
     * resumed, population intact, to minimise distance at that fleet size.
     */
    private record FleetMinimisation(
            Problem problem,
            SolverOptions options,
            SearchParameters parameters,
            long seed,
            long deadline,
            AtomicBoolean cancel,
            Consumer<HgsSearch.Outcome> report) {
        private static final double FIRST_PHASE = 0.25;
        private static final double TRIAL = 0.25;
        private static final double ELIMINATION_END = 0.75;

        HgsSearch.Outcome run() {
            long start = System.nanoTime();
            long span = deadline - start;
            long budget = options.maxIterations();
            HgsSearch search = new HgsSearch(new CostModel(problem), parameters);
            HgsSearch.Outcome best = search.run(
                    seed, limits(at(start, span, FIRST_PHASE), share(budget, FIRST_PHASE), null), List.of(), report);
            long used = best.iterations();
            long eliminationEnd = at(start, span, ELIMINATION_END);
            long eliminationIterations = share(budget, ELIMINATION_END);
            for (int attempt = 1;
                    best.feasible()
                            && best.vehicles() > 1
                            && !cancel.get()
                            && System.nanoTime() < eliminationEnd
                            && used < eliminationIterations;
                    attempt++) {
                HgsSearch trial = new HgsSearch(
                        new CostModel(problem.with(problem.objective(), best.vehicles() - 1)), parameters);
                AtomicBoolean found = new AtomicBoolean();
                long trialDeadline = Math.min(eliminationEnd, System.nanoTime() + (long) (span * TRIAL));
                long trialIterations = Math.min(eliminationIterations - used, share(budget, TRIAL));
                HgsSearch.Outcome outcome = trial.run(
                        seed + 7919L * attempt,
                        limits(trialDeadline, trialIterations, found),
                        search.populationTours(),
                        o -> {
                            found.set(true);
                            report.accept(o);
                        });
                used += outcome.iterations();
                if (!outcome.feasible() || outcome.vehicles() >= best.vehicles()) {
                    break;
                }
                best = outcome;
                search = trial;
                // the next trial starts from this one's population
            }
            long resumeFrom = search.iterations();
            HgsSearch.Outcome last =
                    search.resume(limits(deadline, resumeFrom + Math.max(1, budget - used), null), report);
            used += last.iterations() - resumeFrom;
            boolean lastWins = last.feasible() && (!best.feasible() || last.vehicles() <= best.vehicles());
            HgsSearch.Outcome chosen = lastWins || !best.feasible() ? last : best;
            return new HgsSearch.Outcome(
                    chosen.routes(), chosen.feasible(), chosen.distance(), chosen.vehicles(), used);
        }

        private SearchLimits limits(long phaseDeadline, long iterations, AtomicBoolean stopWhenSet) {
            return new SearchLimits(
                    phaseDeadline,
                    iterations,
                    options.maxIterationsWithoutImprovement(),
                    () -> cancel.get() || (stopWhenSet != null && stopWhenSet.get()));
        }

        private static long at(long start, long span, double share) {
            return start + (long) (span * share);
        }

        private static long share(long budget, double fraction) {
            return budget == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) (budget * fraction));
        }
    }

    private static SolverResult result(HgsSearch.Outcome o, long start) {
        List<List<Integer>> routes =
                o.routes().stream().map(r -> Arrays.stream(r).boxed().toList()).toList();
        return new SolverResult(
                Solution.of(routes),
                o.feasible(),
                o.distance(),
                o.vehicles(),
                o.iterations(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Feasible beats infeasible; then fewer vehicles if the objective says so; then distance; ties keep a. */
    private static SolverResult better(Objective objective, SolverResult a, SolverResult b) {
        if (a == null) {
            return b;
        }
        if (a.feasible() != b.feasible()) {
            return a.feasible() ? a : b;
        }
        if (objective == Objective.VEHICLES_THEN_DISTANCE && a.vehicles() != b.vehicles()) {
            return a.vehicles() < b.vehicles() ? a : b;
        }
        return b.distance() < a.distance() - 1e-9 ? b : a;
    }
}
