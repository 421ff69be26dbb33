/**
 * The route solver's public face: hybrid genetic search on Jenetics types plus local search, with
 * options and results. Callers must not import {@code solver.internal}.
 */
package com.quanyu.routes.solver;
