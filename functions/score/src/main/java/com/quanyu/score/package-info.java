/**
 * The score function: handler, scoring service (propensity, recommendations, order risk) and its
 * profile-data port. Models come from the registry in {@code shared.ml}.
 */
package com.quanyu.score;
