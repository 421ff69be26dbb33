package com.quanyu.shared.ml.recommend;

import java.util.List;

/**
 * A recommendation list and how it was made.
 *
 * @param items     best first
 * @param strategy  {@code personalised} (the model), {@code popularity} (cold start: no usable
 *                  history) or {@code personalised+popularity} (model results topped up)
 * @param coldStart true when the person had no history the model knows
 */
public record Recommendations(List<ScoredItem> items, String strategy, boolean coldStart) {
    public Recommendations {
        items = List.copyOf(items);
    }
}
