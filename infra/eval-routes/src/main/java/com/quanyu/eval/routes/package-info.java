/**
 * Benchmark commands for the route solver against best-known values and jsprit. Tooling only.
 */
package com.quanyu.eval.routes;
