package com.quanyu.routes.solver;

import com.quanyu.routes.model.Solution;
import java.time.Duration;

/**
 * The best solution a solve found. {@code feasible} is the solver's own verdict; callers that
 * must be sure run {@link com.quanyu.routes.check.FeasibilityChecker} on it.
 */
public record SolverResult(
        Solution solution, boolean feasible, double distance, int vehicles, long iterations, Duration elapsed) {}
