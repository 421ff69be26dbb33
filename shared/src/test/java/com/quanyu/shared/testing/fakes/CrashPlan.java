package com.quanyu.shared.testing.fakes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the in-memory stores crash: every write of every store sharing a plan is numbered (1, 2, ...)
 * and the write chosen by {@link #crashAt} throws {@link SimulatedCrash}, either before it takes
 * effect (the request never arrived) or after (it was applied, but the caller never heard back, as
 * with a timeout). A plan crashes once; the retry that follows runs undisturbed.
 */
public final class CrashPlan {
    /** Whether the chosen write takes effect before the crash. */
    public enum Moment {
        BEFORE_WRITE,
        AFTER_WRITE
    }

    private final List<String> writes = Collections.synchronizedList(new ArrayList<>());
    private int crashAt;
    private Moment moment = Moment.BEFORE_WRITE;

    private CrashPlan() {}

    /** A plan that only counts writes. */
    public static CrashPlan none() {
        return new CrashPlan();
    }

    /** Crash at the {@code nth} write from now (1 = the next one), once. */
    public synchronized CrashPlan crashAt(int nth, Moment when) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1: " + nth);
        }
        crashAt = writes.size() + nth;
        moment = when;
        return this;
    }

    /** Every write so far, in order, as "store.operation key". */
    public List<String> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** Runs a store's write under the plan. */
    public <T> T write(String what, Supplier<T> apply) {
        boolean crash;
        synchronized (this) {
            writes.add(what);
            crash = writes.size() == crashAt;
            if (crash) {
                crashAt = 0;
            }
        }
        if (crash && moment == Moment.BEFORE_WRITE) {
            throw new SimulatedCrash("crash before " + what);
        }
        T result = apply.get();
        if (crash) {
            throw new SimulatedCrash("crash after " + what);
        }
        return result;
    }

    /** Runs a write without a result under the plan. */
    public void write(String what, Runnable apply) {
        write(what, () -> {
            apply.run();
            return null;
        });
    }

    /** What an injected crash throws: a storage fault the caller must treat as retryable. */
    public static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message, null, false, false);
        }
    }
}
