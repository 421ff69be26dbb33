package com.quanyu.routes.store;

import com.quanyu.routes.jobs.JobIds;
import com.quanyu.routes.jobs.RouteJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Route jobs: one DynamoDB item per job (pk {@code job#<id>}, status, timestamps, TTL
 * {@code expiresAt}) and the request and result documents in the data-lake bucket under
 * {@code routes/requests/<id>.json} (which triggers the worker) and {@code routes/results/<id>.json}.
 * Every state change is a single-item conditional write, so retries and duplicate deliveries
 * cannot run a job twice at once or move it backwards.
 */
public final class RouteJobStore {
    public static final String REQUEST_PREFIX = "routes/requests/";
    public static final String RESULT_PREFIX = "routes/results/";
    private static final Duration RETENTION = Duration.ofDays(7);
    /** A job "running" for longer than this was abandoned by a crashed worker and may be retaken. */
    private static final Duration STALE_RUN = Duration.ofMinutes(20);

    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final String table;
    private final String bucket;

    public RouteJobStore(DynamoDbClient dynamo, S3Client s3, String table, String bucket) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.table = table;
        this.bucket = bucket;
    }

    /**
     * Records a queued job and stores its request (which starts the worker). Creating the same id
     * again returns the existing job; a job still queued gets its request stored again, in case
     * the first attempt failed between the two writes.
     */
    public RouteJob create(String id, String requestJson, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key(id)));
        item.put("status", s(RouteJob.Status.QUEUED.name()));
        item.put("createdAt", s(now.toString()));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(now.plus(RETENTION).getEpochSecond())));
        RouteJob job;
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            job = new RouteJob(id, RouteJob.Status.QUEUED, now, Optional.empty(), Optional.empty());
        } catch (ConditionalCheckFailedException existing) {
            job = find(id).orElseThrow(() -> new IllegalStateException("job " + id + " vanished"));
        }
        if (job.status() == RouteJob.Status.QUEUED) {
            s3.putObject(
                    b -> b.bucket(bucket).key(REQUEST_PREFIX + id + ".json").contentType("application/json"),
                    RequestBody.fromString(requestJson, StandardCharsets.UTF_8));
        }
        return job;
    }

    public Optional<RouteJob> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Map.of("pk", s(key(id)))).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RouteJob(
                id,
                RouteJob.Status.valueOf(item.get("status").s()),
                Instant.parse(item.get("createdAt").s()),
                Optional.ofNullable(item.get("finishedAt")).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get("error")).map(AttributeValue::s)));
    }

    /** Claims a job for a worker; false when another worker has it or it is finished. */
    public boolean claim(String id, Instant now) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(key(id))))
                    .updateExpression("SET #s = :running, startedAt = :now")
                    .conditionExpression(
                            "attribute_exists(pk) AND (#s = :queued OR (#s = :running AND startedAt < :stale))")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":running",
                            s("RUNNING"),
                            ":queued",
                            s("QUEUED"),
                            ":now",
                            s(now.toString()),
                            ":stale",
                            s(now.minus(STALE_RUN).toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    public void complete(
            String id, String resultJson, double totalDistance, int vehicles, boolean feasible, Instant now) {
        s3.putObject(
                b -> b.bucket(bucket).key(RESULT_PREFIX + id + ".json").contentType("application/json"),
                RequestBody.fromString(resultJson, StandardCharsets.UTF_8));
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(key(id))))
                .updateExpression("SET #s = :done, finishedAt = :now, totalDistance = :d, vehicles = :v, feasible = :f")
                .conditionExpression("#s = :running")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(
                        ":done",
                        s("DONE"),
                        ":running",
                        s("RUNNING"),
                        ":now",
                        s(now.toString()),
                        ":d",
                        AttributeValue.fromN(String.format(Locale.ROOT, "%.3f", totalDistance)),
                        ":v",
                        AttributeValue.fromN(Integer.toString(vehicles)),
                        ":f",
                        AttributeValue.fromBool(feasible))));
    }

    public void fail(String id, String message, Instant now) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(key(id))))
                .updateExpression("SET #s = :failed, finishedAt = :now, #e = :message")
                .conditionExpression("#s = :running")
                .expressionAttributeNames(Map.of("#s", "status", "#e", "error"))
                .expressionAttributeValues(Map.of(
                        ":failed",
                        s("FAILED"),
                        ":running",
                        s("RUNNING"),
                        ":now",
                        s(now.toString()),
                        ":message",
                        s(message))));
    }

    public String request(String id) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(REQUEST_PREFIX + id + ".json"))
                .asUtf8String();
    }

    public Optional<String> result(String id) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(RESULT_PREFIX + id + ".json"))
                    .asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The job id of a request object key, or empty for other keys. */
    public static Optional<String> jobIdOf(String objectKey) {
        if (!objectKey.startsWith(REQUEST_PREFIX) || !objectKey.endsWith(".json")) {
            return Optional.empty();
        }
        String id = objectKey.substring(REQUEST_PREFIX.length(), objectKey.length() - ".json".length());
        return JobIds.valid(id) ? Optional.of(id) : Optional.empty();
    }

    private static String key(String id) {
        return "job#" + id;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
