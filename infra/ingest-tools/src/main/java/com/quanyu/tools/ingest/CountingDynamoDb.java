package com.quanyu.tools.ingest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wraps a DynamoDB client and counts its write and read requests (one per API call, as DynamoDB bills requests). */
final class CountingDynamoDb {
    private static final Set<String> WRITES = Set.of("putItem", "updateItem", "deleteItem", "batchWriteItem");
    private static final Set<String> READS = Set.of("getItem", "batchGetItem", "query", "scan");

    final AtomicLong writes = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final DynamoDbClient client;

    CountingDynamoDb(DynamoDbClient real) {
        this.client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        writes.incrementAndGet();
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
