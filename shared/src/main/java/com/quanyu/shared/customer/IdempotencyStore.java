package com.quanyu.shared.customer;

import java.time.Instant;

/**
 * Storage port for the dedupe records of (source, messageId): a claim with a lease while an event is
 * being processed, "done" once all its effects are durable, expiring after the dedupe window.
 */
public interface IdempotencyStore {
    /** Outcome of a claim. */
    enum Claim {
        /** This caller owns the event until the lease ends. */
        ACQUIRED,
        /** The event was fully processed before. */
        DONE,
        /** Another caller holds a live lease on it. */
        IN_FLIGHT
    }

    /**
     * Claims {@code messageKey} for {@code token}, unless it is done or leased by someone else.
     * An expired lease (a crashed or failed attempt) can be taken over.
     */
    Claim claim(String messageKey, String token, Instant leaseUntil, Instant expiresAt, Instant now);

    /** Marks the claim done, if {@code token} still holds it. */
    void complete(String messageKey, String token, Instant expiresAt);

    /**
     * Marks many claims done at once (message key to token). Called only after all their effects are
     * durable, so overwriting a claim another caller took over after our lease ran out is harmless:
     * that caller's idempotent re-run finds everything done. Implementations may batch the writes.
     */
    default void completeAll(java.util.Map<String, String> claims, Instant expiresAt) {
        claims.forEach((key, token) -> complete(key, token, expiresAt));
    }

    /**
     * Which of {@code messageKeys} are done (strongly consistent). For consumers that process each
     * key in one place at a time (an ordered buffer's partition), where no lease is needed.
     */
    java.util.Set<String> doneAmong(java.util.Collection<String> messageKeys);

    /** Ends the lease early after a failure, so that an immediate retry can claim the event. */
    void release(String messageKey, String token);
}
