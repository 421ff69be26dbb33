package com.quanyu.shared.customer.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Orders in the orders table: {@code pk="order#<orderId>", sk="order"}, {@code gsi1pk="profile#<profileId>"},
 * {@code gsi1sk=<ISO createdAt>}; flagged orders also get a review item {@code pk="review#<orderId>",
 * sk="flagged"} with {@code gsi1pk="flagged"}, so the review queue is one gsi1 query.
 */
public final class DynamoOrderStore implements OrderStore {
    private static final String ORDER_SK = "order";
    /** Fixed-width UTC time, so that gsi1sk sorts and range-compares correctly as a string. */
    private static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOrderStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Order order) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item(order, "order#" + order.orderId(), ORDER_SK, "profile#" + order.profileId()))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Order> find(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "pk", AttributeValue.fromS("order#" + orderId), "sk", AttributeValue.fromS(ORDER_SK))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toOrder(item));
    }

    @Override
    public List<Order> recentForProfile(String profileId, int limit) {
        return dynamo
                .query(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("profile#" + profileId)))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(DynamoOrderStore::toOrder)
                .toList();
    }

    @Override
    public int countForProfile(String profileId, Instant from, Instant to) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            final Map<String, AttributeValue> after = start;
            var response = dynamo.query(b -> b.tableName(table)
                    .indexName("gsi1")
                    .select(Select.COUNT)
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(
                            ":p",
                            AttributeValue.fromS("profile#" + profileId),
                            ":from",
                            AttributeValue.fromS(SORTABLE.format(from)),
                            ":to",
                            AttributeValue.fromS(SORTABLE.format(to.minusMillis(1)))))
                    .exclusiveStartKey(after));
            count += response.count();
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return count;
    }

    @Override
    public void flagForReview(Order order) {
        dynamo.putItem(b -> b.tableName(table).item(item(order, "review#" + order.orderId(), "flagged", "flagged")));
    }

    @Override
    public List<Order> flaggedOrders(int limit) {
        return dynamo
                .query(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("flagged")))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(DynamoOrderStore::toOrder)
                .toList();
    }

    private static Map<String, AttributeValue> item(Order order, String pk, String sk, String gsi1pk) {
        ObjectNode fields = Json.mapper().valueToTree(order);
        Map<String, AttributeValue> item = new HashMap<>(DynamoJson.attributes(fields));
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("gsi1pk", AttributeValue.fromS(gsi1pk));
        item.put("gsi1sk", AttributeValue.fromS(SORTABLE.format(order.createdAt())));
        if (order.flagged()) {
            item.put("flagged", AttributeValue.fromBool(true));
        }
        return item;
    }

    private static Order toOrder(Map<String, AttributeValue> item) {
        return Json.mapper().convertValue(DynamoJson.tree(item), Order.class);
    }
}
