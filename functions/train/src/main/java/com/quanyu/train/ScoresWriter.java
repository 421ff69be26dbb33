package com.quanyu.train;

import com.quanyu.shared.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * its events were written is not re-created). Writes run on a few threads.
 */
public final class ScoresWriter {
    private static final JsonLogger LOG = JsonLogger.of(ScoresWriter.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final int threads;

    public ScoresWriter(DynamoDbClient dynamo, String table, int threads) {
        this.dynamo = dynamo;
        this.table = table;
        this.threads = threads;
    }

    /** Writes every profile's scores; returns how many profiles were updated. */
    public int write(Map<String, Map<String, AttributeValue>> scoresByProfile) {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger missing = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            scoresByProfile.forEach((profileId, scores) -> futures.add(pool.submit(() -> {
                try {
                    dynamo.updateItem(b -> b.tableName(table)
                            .key(Map.of(
                                    "pk",
                                    AttributeValue.fromS("profile#" + profileId),
                                    "sk",
                                    AttributeValue.fromS("profile")))
                            .updateExpression("SET scores = :s")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":s", AttributeValue.fromM(scores))));
                    written.incrementAndGet();
                } catch (ConditionalCheckFailedException e) {
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
