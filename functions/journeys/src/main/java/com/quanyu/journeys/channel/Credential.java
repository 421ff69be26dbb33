package com.quanyu.journeys.channel;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A platform credential (access token, app secret) read when it is used, from the secret store
 * the function is given (Secrets Manager in AWS, cached and refreshed there), so a rotated value
 * takes effect without a restart. Never copied into a field, never logged.
 *
 * @param name   what it is, for reasons ("LINE access token")
 * @param source reads the current value; empty when the deployment has none, throws when the store is unreachable
 */
public record Credential(String name, Supplier<Optional<String>> source) {
    /** Whether the deployment has a value (a channel without one is "not configured"); throws when the store is unreachable. */
    public boolean present() {
        return source.get().isPresent();
    }

    /** Runs {@code use} with the current value: a missing value fails the send, an unreachable store retries it. */
    SendResult with(Function<String, SendResult> use) {
        Optional<String> value;
        try {
            value = source.get();
        } catch (RuntimeException unreadable) {
            return SendResult.retry(name + " cannot be read now");
        }
        return value.map(use).orElseGet(() -> SendResult.failed(name + " is not configured"));
    }

    @Override
    public String toString() {
        return "Credential[" + name + "]";
    }
}
