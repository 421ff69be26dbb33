package com.quanyu.shared.ml;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.store.ModelRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The live version of one model kind, held for the life of an execution environment.
 *
 * <p>The first {@link #current()} loads synchronously. Afterwards a call checks the registry's
 * pointer at most once per refresh interval, in the background: requests keep being served by
 * the loaded model while a new version loads, and the new one replaces it in a single atomic swap.
 * A failed reload keeps the old model and is retried at the next interval.
 *
 * @param <T> the decoded model type
 */
public final class LiveModel<T> {
    /** Turns a stored artifact and its metadata into a servable model. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] artifact, ModelMetadata metadata);
    }

    /** A loaded version with the time its download and decoding took. */
    public record Loaded<T>(T model, ModelMetadata metadata, Duration loadTime) {
        public String version() {
            return metadata.version();
        }
    }

    private static final JsonLogger LOG = JsonLogger.of(LiveModel.class);
    private static final ExecutorService RELOADER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "model-reloader");
        thread.setDaemon(true);
        return thread;
    });

    private final ModelRegistry registry;
    private final String kind;
    private final Decoder<T> decoder;
    private final Duration refresh;
    private final Clock clock;
    private final AtomicReference<Optional<Loaded<T>>> loaded = new AtomicReference<>();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile Instant lastCheck = Instant.MIN;

    private LiveModel(ModelRegistry registry, String kind, Decoder<T> decoder, Duration refresh, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static <T> LiveModel<T> of(ModelRegistry registry, String kind, Decoder<T> decoder, Duration refresh) {
        return new LiveModel<>(registry, kind, decoder, refresh, Clock.systemUTC());
    }

    public static <T> LiveModel<T> of(
            ModelRegistry registry, String kind, Decoder<T> decoder, Duration refresh, Clock clock) {
        return new LiveModel<>(registry, kind, decoder, refresh, clock);
    }

    public String kind() {
        return kind;
    }

    /** The serving version, or empty when none is live (callers fall back, e.g. to rules or popularity). */
    public Optional<Loaded<T>> current() {
        Optional<Loaded<T>> now = loaded.get();
        if (now == null) {
            synchronized (this) {
                if (loaded.get() == null) {
                    refreshNow();
                }
            }
            return loaded.get();
        }
        if (Duration.between(lastCheck, clock.instant()).compareTo(refresh) >= 0
                && reloading.compareAndSet(false, true)) {
            RELOADER.execute(() -> {
                try {
                    refreshNow();
                } finally {
                    reloading.set(false);
                }
            });
        }
        return now;
    }

    /**
     * Reads the pointer and, when it names another version, loads that version and swaps it in.
     * Runs on the caller's thread (tests, warm-up); a failure keeps what was loaded.
     */
    public void refreshNow() {
        lastCheck = clock.instant();
        Optional<Loaded<T>> before = loaded.get();
        try {
            Optional<LivePointer> pointer = registry.live(kind);
            if (pointer.isEmpty()) {
                loaded.compareAndSet(null, Optional.empty());
                return;
            }
            String version = pointer.get().version();
            if (before != null && before.isPresent() && before.get().version().equals(version)) {
                return;
            }
            loaded.set(Optional.of(load(version)));
        } catch (RuntimeException e) {
            LOG.error(
                    "model reload failed; keeping the loaded version",
                    e,
                    "kind",
                    kind,
                    "loaded",
                    before == null ? null : before.map(Loaded::version).orElse(null));
            loaded.compareAndSet(null, Optional.empty());
        }
    }

    private Loaded<T> load(String version) {
        long start = System.nanoTime();
        ModelMetadata metadata = registry.metadata(kind, version)
                .orElseThrow(() ->
                        new IllegalStateException("live pointer names a missing version " + version + " of " + kind));
        T model = decoder.decode(registry.artifact(metadata), metadata);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info(
                "model loaded",
                "kind",
                kind,
                "version",
                version,
                "loadMillis",
                took.toNanos() / 1e6,
                "bytes",
                metadata.artifactBytes());
        return new Loaded<>(model, metadata, took);
    }
}
