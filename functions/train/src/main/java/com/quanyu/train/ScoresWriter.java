package com.quanyu.train;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.ProfileScores;
import com.quanyu.train.batch.ShardScoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Writes the {@code scores} attribute of profile items, and nothing else: one UpdateItem
 * {@code SET scores = :s} per profile, only if the profile item exists (a profile deleted since
 * the scan read it is not re-created) and its scores are not already this run's (a repeated shard
 * writes nothing twice). Writes run on a few threads.
 */
public final class ScoresWriter implements ShardScoring.ScoreSink {
    private static final JsonLogger LOG = JsonLogger.of(ScoresWriter.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int threads;

    public ScoresWriter(DynamoDbClient dynamo, String table, int threads) {
        this.dynamo = dynamo;
        this.table = table;
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
                Map<String, AttributeValue> key = Map.of(
                        "pk", AttributeValue.fromS("profile#" + profileId), "sk", AttributeValue.fromS("profile"));
                try {
                    dynamo.updateItem(b -> b.tableName(table)
                            .key(key)
                            .updateExpression("SET scores = :s")
                            .conditionExpression(
                                    "attribute_exists(pk) AND (attribute_not_exists(scores.#run) OR scores.#run <> :run)")
                            .expressionAttributeNames(Map.of("#run", ProfileScores.RUN))
                            .expressionAttributeValues(Map.of(
                                    ":s",
                                    AttributeValue.fromM(scores.toAttributes()),
                                    ":run",
                                    AttributeValue.fromS(run))));
                    written.incrementAndGet();
                } catch (ConditionalCheckFailedException e) {
                    // rare (a repeated shard, a deleted profile): one read tells which
                    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                                    .key(key)
                                    .projectionExpression("pk")
                                    .consistentRead(true))
                            .item();
                    boolean exists = item != null && !item.isEmpty();
                    (exists ? already : missing).incrementAndGet();
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
