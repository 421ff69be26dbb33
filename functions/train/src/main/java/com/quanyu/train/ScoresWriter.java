package com.quanyu.train;

import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.train.batch.ShardScoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the scores of many profiles through {@link ProfileRepository#writeScores} (which owns how
 * they are stored, writes only profiles that still exist, and skips profiles that already carry
 * the same run's scores), on a few threads.
 */
public final class ScoresWriter implements ShardScoring.ScoreSink {
    private static final JsonLogger LOG = JsonLogger.of(ScoresWriter.class);

    private final ProfileRepository profiles;
    private final int threads;

    public ScoresWriter(ProfileRepository profiles, int threads) {
        this.profiles = profiles;
        this.threads = threads;
    }

    @Override
    public ShardScoring.WriteCounts write(String run, Map<String, ProfileScores> scoresByProfile) {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger already = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            scoresByProfile.forEach((profileId, scores) -> futures.add(pool.submit(() -> {
                if (!run.equals(scores.run())) {
                    throw new IllegalArgumentException("scores of " + profileId + " are not stamped with run " + run);
                }
                if (profiles.writeScores(profileId, scores)) {
                    written.incrementAndGet();
                } else if (profiles.scores(profileId)
                        .filter(stored -> run.equals(stored.run()))
                        .isPresent()) {
                    // rare (a repeated shard): one read tells it from a profile deleted since the scan
                    already.incrementAndGet();
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
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.debug(
                "scores written",
                "run",
                run,
                "profiles",
                written.get(),
                "alreadyScored",
                already.get(),
                "missingProfiles",
                missing.get());
        return new ShardScoring.WriteCounts(written.get(), already.get(), missing.get());
    }
}
