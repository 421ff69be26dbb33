package com.quanyu.ingest.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deletes a forgotten person's conversation state: every conversation whose state item carries one
 * of the person's profile ids in {@code profileId} (the chatbot links it once it knows the person),
 * with all items of that conversation (state, transcript) and its entries on the agents' handoff
 * queue. A scan, because conversations are keyed by chat thread; erasure requests are rare.
 */
public final class ConversationEraser {
    private static final String HANDOFF_QUEUE = "handoff#open";
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
            var page = dynamo.scan(b -> b.tableName(table)
                    .exclusiveStartKey(after)
                    .filterExpression("profileId IN (" + String.join(", ", placeholders) + ")")
                    .expressionAttributeValues(values));
            for (Map<String, AttributeValue> item : page.items()) {
                deleted += deleteConversation(item.get("pk").s());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }

    private int deleteConversation(String conversationPk) {
        int deleted = deleteWhere(conversationPk, item -> true);
        // Handoff queue entries are keyed "<opened at>#<conversation pk>" under one queue partition
        // (a key attribute, so it is matched here rather than in a filter expression).
        return deleted + deleteWhere(HANDOFF_QUEUE, item -> item.get("sk").s().endsWith("#" + conversationPk));
    }

    private int deleteWhere(String pk, java.util.function.Predicate<Map<String, AttributeValue>> which) {
        int deleted = 0;
        Map<String, AttributeValue> start = null;
        do {
            final Map<String, AttributeValue> after = start;
            var page = dynamo.query(b -> b.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                    .exclusiveStartKey(after));
            for (Map<String, AttributeValue> item :
                    page.items().stream().filter(which).toList()) {
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
                deleted++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return deleted;
    }
}
