package com.quanyu.ingest.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes a forgotten person's conversation state: every item of the conversations table whose
 * {@code profileId} attribute is one of the person's profile ids. A scan, because conversations are
 * keyed by chat thread; erasure requests are rare admin calls.
 */
public final class ConversationEraser {
    private final DynamoDbClient dynamo;
    private final String table;

    public ConversationEraser(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Returns how many items were deleted. */
    public int erase(Set<String> profileIds) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> placeholders = new java.util.ArrayList<>();
        int i = 0;
        for (String id : profileIds) {
            values.put(":p" + i, AttributeValue.fromS(id));
            placeholders.add(":p" + i++);
        }
        int deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            final Map<String, AttributeValue> after = start;
            var page = dynamo.scan(b -> b.tableName(table).exclusiveStartKey(after)
                    .filterExpression("profileId IN (" + String.join(", ", placeholders) + ")")
                    .expressionAttributeValues(values));
            for (Map<String, AttributeValue> item : page.items()) {
                Map<String, AttributeValue> key = new HashMap<>();
                key.put("pk", item.get("pk"));
                if (item.containsKey("sk")) {
                    key.put("sk", item.get("sk"));
                }
                dynamo.deleteItem(b -> b.tableName(table).key(key));
                deleted++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }
}
