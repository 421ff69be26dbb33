package com.quanyu.shared.aws;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once (thread-safe): a client that a function's first request does not
 * need is built when a later request does, not in the cold start's init. SnapStart priming calls
 * {@link #get()} so that the snapshot holds it built.
 *
 * <pre>{@code
 * Lazy<S3Client> s3 = Lazy.of(() -> AwsClients.s3(env));
 * }</pre>
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory);
    }

    public static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = Objects.requireNonNull(factory.get(), "the factory built null");
                    value = result;
                }
            }
        }
        return result;
    }
}
