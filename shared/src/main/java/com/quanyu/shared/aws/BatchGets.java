package com.quanyu.shared.aws;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Strongly consistent BatchGetItem in requests of 100 keys, re-requesting what DynamoDB returns unprocessed. */
public final class BatchGets {
    private static final int BATCH = 100;

    private BatchGets() {}

    /** Hands every stored item among {@code keys} to {@code found}, in no particular order. */
    public static void readAll(
            DynamoDbClient dynamo,
            String table,
            List<Map<String, AttributeValue>> keys,
            Consumer<Map<String, AttributeValue>> found) {
        for (int from = 0; from < keys.size(); from += BATCH) {
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys.subList(from, Math.min(keys.size(), from + BATCH)))
                            .consistentRead(true)
                            .build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(found);
                pending = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
    }
}
