package com.quanyu.routes.solver.internal;

import java.util.function.BooleanSupplier;

/** When a search stops: a deadline (System.nanoTime), an iteration budget, a stall budget, or cancellation. */
public record SearchLimits(
        long deadlineNanos, long maxIterations, long maxWithoutImprovement, BooleanSupplier cancelled) {
    boolean reached(long iterations, long withoutImprovement) {
        return iterations >= maxIterations
                || withoutImprovement >= maxWithoutImprovement
                || System.nanoTime() >= deadlineNanos
                || cancelled.getAsBoolean();
    }
}
