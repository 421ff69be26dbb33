package com.quanyu.ingest.store;

import com.quanyu.shared.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A per-caller limit shared by every execution environment: a fixed-window counter per caller in
 * a DynamoDB table with a {@code pk} key and a TTL on {@code expiresAt} (one conditional update per
 * request). Over the limit is a 429 whose {@code retry-after} is the end of the window.
 */
public final class RateLimiter {
    private final DynamoDbClient dynamo;
    private final String table;
    private final String scope;
    private final long limit;
    private final Duration window;
    private final Clock clock;

    private RateLimiter(DynamoDbClient dynamo, String table, String scope, long limit, Duration window, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.scope = scope;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * At most {@code limit} requests per caller and {@code window}; {@code scope} names what is
     * limited (e.g. {@code source}) so limits of different routes never share a counter.
     */
    public static RateLimiter of(
            DynamoDbClient dynamo, String table, String scope, long limit, Duration window, Clock clock) {
        if (limit < 1 || window.toMillis() < 1000) {
            throw new IllegalArgumentException("limit must be positive and the window at least a second");
        }
        return new RateLimiter(dynamo, table, scope, limit, window, clock);
    }

    /** Counts one request of {@code caller}; over the limit throws a 429. */
    public void acquire(String caller) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long start = now - Math.floorMod(now, windowMillis);
        long end = start + windowMillis;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("rate#" + scope + "#" + caller + "#" + start)))
                    .updateExpression("ADD hits :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(hits) OR hits < :limit")
                    .expressionAttributeValues(Map.of(
                            ":one",
                            AttributeValue.fromN("1"),
                            ":limit",
                            AttributeValue.fromN(Long.toString(limit)),
                            ":expires",
                            AttributeValue.fromN(Long.toString(end / 1000 + 60)))));
        } catch (ConditionalCheckFailedException e) {
            throw ApiException.tooManyRequests(
                    "rate limit of " + limit + " requests per " + window.toSeconds() + " s reached for this " + scope,
                    (end - now + 999) / 1000);
        }
    }
}
