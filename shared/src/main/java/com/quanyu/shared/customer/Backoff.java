package com.quanyu.shared.customer;

import java.security.SecureRandom;

/**
 * Short jittered pauses between optimistic-lock retries, so contending writers spread out. The jitter
 * comes from {@link SecureRandom}, which draws fresh entropy per call, so execution environments
 * restored from one SnapStart snapshot do not retry in lockstep (a {@code ThreadLocalRandom} seeded
 * before the snapshot would give each the same sequence).
 */
final class Backoff {
    private static final SecureRandom JITTER = new SecureRandom();

    private Backoff() {}

    static void pause(int attempt) {
        long cap = Math.min(50, 2L << Math.min(attempt, 5));
        try {
            Thread.sleep(JITTER.nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestUnavailableException("interrupted while retrying");
        }
    }
}
