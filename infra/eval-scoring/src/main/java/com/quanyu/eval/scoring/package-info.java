/**
 * Evaluation commands for the scoring models (propensity, recommendations, segments, order risk,
 * latency, training time). Tooling only.
 */
package com.quanyu.eval.scoring;
