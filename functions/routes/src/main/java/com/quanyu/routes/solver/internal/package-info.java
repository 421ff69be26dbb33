/**
 * The solver's internals (split, crossover, neighbourhoods, population); used only by {@code
 * routes.solver}.
 */
package com.quanyu.routes.solver.internal;
