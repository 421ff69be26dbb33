package com.quanyu.shared.customer.store;

import com.quanyu.shared.aws.BatchGets;
import com.quanyu.shared.aws.BatchWrites;
import com.quanyu.shared.customer.IdempotencyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Dedupe records in the idempotency table: {@code pk="event#<messageKey>"} with {@code status}
 * (pending/done), the claiming {@code token}, {@code leaseUntil} and {@code expiresAt} (TTL, epoch seconds).
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String messageKey) {
        return Map.of("pk", AttributeValue.fromS("event#" + messageKey));
    }

    @Override
    public Claim claim(String messageKey, String token, Instant leaseUntil, Instant expiresAt, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk",
                            AttributeValue.fromS("event#" + messageKey),
                            "status",
                            AttributeValue.fromS("pending"),
                            "token",
                            AttributeValue.fromS(token),
                            "leaseUntil",
                            AttributeValue.fromN(Long.toString(leaseUntil.toEpochMilli())),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(pk) OR (#s <> :done AND leaseUntil < :now)")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":done",
                            AttributeValue.fromS("done"),
                            ":now",
                            AttributeValue.fromN(Long.toString(now.toEpochMilli())))));
            return Claim.ACQUIRED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> item = dynamo.getItem(
                            b -> b.tableName(table).key(key(messageKey)).consistentRead(true))
                    .item();
            if (item == null || item.isEmpty()) {
                return claim(messageKey, token, leaseUntil, expiresAt, now);
            }
            return "done".equals(item.get("status").s()) ? Claim.DONE : Claim.IN_FLIGHT;
        }
    }

    @Override
    public void complete(String messageKey, String token, Instant expiresAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(messageKey))
                    .updateExpression("SET #s = :done, expiresAt = :exp REMOVE leaseUntil")
                    .conditionExpression("#t = :token")
                    .expressionAttributeNames(Map.of("#s", "status", "#t", "token"))
                    .expressionAttributeValues(Map.of(
                            ":done",
                            AttributeValue.fromS("done"),
                            ":exp",
                            AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())),
                            ":token",
                            AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException e) {
            // Our lease ran out and a retry took the event over; it marks it done itself.
        }
    }

    /** Unconditional puts of "done" records, 25 per BatchWriteItem request. */
    @Override
    public void completeAll(Map<String, String> claims, Instant expiresAt) {
        List<WriteRequest> puts = new ArrayList<>();
        claims.keySet()
                .forEach(key -> puts.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "pk", AttributeValue.fromS("event#" + key),
                                        "status", AttributeValue.fromS("done"),
                                        "expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()))))
                                .build())
                        .build()));
        BatchWrites.writeAll(dynamo, table, puts);
    }

    /** BatchGetItem, 100 keys per request, strongly consistent. */
    @Override
    public Set<String> doneAmong(Collection<String> messageKeys) {
        Set<String> done = new HashSet<>();
        List<Map<String, AttributeValue>> keys =
                messageKeys.stream().distinct().map(DynamoIdempotencyStore::key).toList();
        BatchGets.readAll(dynamo, table, keys, item -> {
            if (item.containsKey("status") && "done".equals(item.get("status").s())) {
                done.add(item.get("pk").s().substring("event#".length()));
            }
        });
        return done;
    }

    @Override
    public void release(String messageKey, String token) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(messageKey))
                    .updateExpression("SET leaseUntil = :zero")
                    .conditionExpression("#t = :token AND #s <> :done")
                    .expressionAttributeNames(Map.of("#s", "status", "#t", "token"))
                    .expressionAttributeValues(Map.of(
                            ":zero",
                            AttributeValue.fromN("0"),
                            ":done",
                            AttributeValue.fromS("done"),
                            ":token",
                            AttributeValue.fromS(token))));
        } catch (ConditionalCheckFailedException e) {
            // Someone else holds it now, or it is done: nothing to release.
        }
    }
}
