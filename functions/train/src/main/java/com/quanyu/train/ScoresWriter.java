package com.quanyu.train;

import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the nightly scores of many profiles through {@link ProfileRepository#writeScores} (which
 * owns how they are stored, and writes only profiles that still exist: a person forgotten since
 * their events were read is not re-created), on a few threads.
 */
public final class ScoresWriter {
    private static final JsonLogger LOG = JsonLogger.of(ScoresWriter.class);

    private final ProfileRepository profiles;
    private final int threads;

    public ScoresWriter(ProfileRepository profiles, int threads) {
        this.profiles = profiles;
        this.threads = threads;
    }

    /** Writes every profile's scores; returns how many profiles were updated. */
    public int write(Map<String, ProfileScores> scoresByProfile) {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            scoresByProfile.forEach((profileId, scores) -> futures.add(pool.submit(() -> {
                if (profiles.writeScores(profileId, scores)) {
                    written.incrementAndGet();
                } else {
                    missing.incrementAndGet();
                }
            })));
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing scores", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.info("scores written", "profiles", written.get(), "missingProfiles", missing.get());
        return written.get();
    }
}
