/**
 * Evaluation commands for forecasting (M4, retail simulation, job throughput). Tooling only.
 */
package com.quanyu.eval.forecast;
