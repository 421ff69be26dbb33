package com.quanyu.campaigns.store;

import com.quanyu.campaigns.audience.Audience;
import com.quanyu.shared.aws.DynamoJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Audiences in the campaigns table: {@code pk=audience#<id>, sk=audience}, listed by {@code gsi1pk=audiences}. */
public final class AudienceStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public AudienceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores a new audience; false when the id is taken. */
    public boolean create(Audience audience) {
        try {
            dynamo.putItem(
                    b -> b.tableName(table).item(item(audience)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Records a refresh (last writer wins: refreshes are whole snapshots). */
    public void save(Audience audience) {
        dynamo.putItem(b -> b.tableName(table).item(item(audience)));
    }

    public Optional<Audience> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    public List<Audience> all() {
        List<Audience> audiences = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("audiences"))))
                .items()
                .forEach(item -> audiences.add(read(item)));
        return audiences;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS("audience#" + id), "sk", AttributeValue.fromS("audience"));
    }

    private static Map<String, AttributeValue> item(Audience audience) {
        Map<String, AttributeValue> item = new HashMap<>(key(audience.id()));
        item.put("audience", AttributeValue.fromM(DynamoJson.item(audience)));
        item.put("gsi1pk", AttributeValue.fromS("audiences"));
        item.put("gsi1sk", AttributeValue.fromS(audience.id()));
        return item;
    }

    private static Audience read(Map<String, AttributeValue> item) {
        return DynamoJson.read(item.get("audience").m(), Audience.class);
    }
}
