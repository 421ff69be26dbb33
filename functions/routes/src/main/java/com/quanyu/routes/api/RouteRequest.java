package com.quanyu.routes.api;

import com.quanyu.routes.model.Problem;
import com.quanyu.routes.solver.SolverOptions;

/** A validated routing request: the problem and how long/how to solve it. */
public record RouteRequest(Problem problem, SolverOptions options) {}
