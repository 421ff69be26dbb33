package com.quanyu.shared.aws;

import com.quanyu.shared.log.JsonLogger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Priming for Lambda SnapStart: before the snapshot of an initialised function is taken, runs the
 * work its first request would otherwise do cold (class loading, JIT of the request path), so every
 * environment restored from the snapshot starts warm. A handler keeps the returned instance in a
 * field: the CRaC context holds its resources only weakly. On a JVM without CRaC (a plain cold
 * start, the tests) the hook never runs.
 *
 * <pre>{@code
 * private final SnapStartPriming priming = SnapStartPriming.register("ingest-api", () -> router.handle(sample));
 * }</pre>
 */
public final class SnapStartPriming implements Resource {
    private static final JsonLogger LOG = JsonLogger.of(SnapStartPriming.class);
    private final String name;
    private final Runnable prime;

    private SnapStartPriming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
    }

    /** Registers {@code prime} to run before the checkpoint; keep the result referenced. */
    public static SnapStartPriming register(String name, Runnable prime) {
        SnapStartPriming priming = new SnapStartPriming(name, prime);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Runs the priming now (what the checkpoint hook does); false when it failed (logged, never fatal). */
    public boolean prime() {
        long start = System.nanoTime();
        try {
            prime.run();
            LOG.info("primed for the snapshot", "what", name, "ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            // A snapshot without priming is only slower on its first request; never fail the checkpoint.
            LOG.warn("priming failed", "what", name, "error", e.getClass().getSimpleName(), "message", e.getMessage());
            return false;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to restore: the SDK's HTTP clients reconnect on their own
    }
}
