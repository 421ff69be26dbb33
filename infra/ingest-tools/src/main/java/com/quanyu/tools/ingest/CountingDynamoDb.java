package com.quanyu.tools.ingest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wraps a DynamoDB client and counts its requests (API calls) and the items written (what DynamoDB
 * bills write capacity for: a BatchWriteItem of 25 puts is one request but 25 item writes).
 */
final class CountingDynamoDb {
    private static int batchSize(Object request) {
        if (request instanceof software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest batch) {
            return batch.requestItems().values().stream()
                    .mapToInt(java.util.List::size)
                    .sum();
        }
        return 1; // the Consumer<Builder> overload: counted once (not used by the stores)
    }

    private static final Set<String> WRITES = Set.of("putItem", "updateItem", "deleteItem", "batchWriteItem");
    private static final Set<String> READS = Set.of("getItem", "batchGetItem", "query", "scan");

    final AtomicLong writes = new AtomicLong();
    final AtomicLong writtenItems = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final DynamoDbClient client;

    CountingDynamoDb(DynamoDbClient real) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        writes.incrementAndGet();
                        writtenItems.addAndGet(method.getName().equals("batchWriteItem") ? batchSize(args[0]) : 1);
                    } else if (READS.contains(method.getName())) {
                        reads.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
