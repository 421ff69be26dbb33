package com.quanyu.shared.customer;

import java.util.concurrent.ThreadLocalRandom;

/** Short jittered pauses between optimistic-lock retries, so contending writers spread out. */
final class Backoff {
    private Backoff() {}

    static void pause(int attempt) {
        long cap = Math.min(50, 2L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestUnavailableException("interrupted while retrying");
        }
    }
}
