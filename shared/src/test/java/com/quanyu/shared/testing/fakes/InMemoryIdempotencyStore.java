package com.quanyu.shared.testing.fakes;

import com.quanyu.shared.customer.IdempotencyStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link IdempotencyStore} in memory with the DynamoDB one's semantics: a claim succeeds on no
 * record or on a pending one whose lease has run out; expiry is TTL housekeeping, not a condition.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Entry(boolean done, String token, long leaseUntilMillis) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final CrashPlan plan;

    public InMemoryIdempotencyStore(CrashPlan plan) {
        this.plan = plan;
    }

    @Override
    public Claim claim(String messageKey, String token, Instant leaseUntil, Instant expiresAt, Instant now) {
        return plan.write("dedupe.claim " + messageKey, () -> {
            synchronized (entries) {
                Entry entry = entries.get(messageKey);
                if (entry == null || !entry.done() && entry.leaseUntilMillis() < now.toEpochMilli()) {
                    entries.put(messageKey, new Entry(false, token, leaseUntil.toEpochMilli()));
                    return Claim.ACQUIRED;
                }
                return entry.done() ? Claim.DONE : Claim.IN_FLIGHT;
            }
        });
    }

    @Override
    public void complete(String messageKey, String token, Instant expiresAt) {
        plan.write("dedupe.complete " + messageKey, () -> {
            entries.computeIfPresent(messageKey, (k, e) -> token.equals(e.token()) ? new Entry(true, token, 0) : e);
        });
    }

    @Override
    public void completeAll(Map<String, String> claims, Instant expiresAt) {
        // One numbered write per key, as the DynamoDB store's batches may land part-way.
        claims.keySet()
                .forEach(key -> plan.write("dedupe.done " + key, () -> {
                    entries.put(key, new Entry(true, null, 0));
                }));
    }

    @Override
    public Set<String> doneAmong(Collection<String> messageKeys) {
        return messageKeys.stream()
                .filter(k -> entries.containsKey(k) && entries.get(k).done())
                .collect(Collectors.toSet());
    }

    @Override
    public void release(String messageKey, String token) {
        plan.write("dedupe.release " + messageKey, () -> {
            entries.computeIfPresent(
                    messageKey, (k, e) -> !e.done() && token.equals(e.token()) ? new Entry(false, token, 0) : e);
        });
    }
}
