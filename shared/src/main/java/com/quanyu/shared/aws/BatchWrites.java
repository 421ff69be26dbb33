package com.quanyu.shared.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchWriteItem in requests of 25, re-sending what DynamoDB returns unprocessed. */
public final class BatchWrites {
    private static final int BATCH = 25;
    private static final int ATTEMPTS = 10;

    private BatchWrites() {}

    /** Writes every request; throws (a retryable fault for the caller) when DynamoDB keeps items unprocessed. */
    public static void writeAll(DynamoDbClient dynamo, String table, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            Map<String, List<WriteRequest>> pending =
                    Map.of(table, requests.subList(from, Math.min(requests.size(), from + BATCH)));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept returning unprocessed items");
                }
                Map<String, List<WriteRequest>> request = pending;
                var response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
