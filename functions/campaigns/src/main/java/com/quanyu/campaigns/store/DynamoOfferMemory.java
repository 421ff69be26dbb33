package com.quanyu.campaigns.store;

import com.quanyu.campaigns.offer.ArmStats;
import com.quanyu.campaigns.offer.OfferMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The bandit's memory in the campaigns table.
 * <ul>
 *   <li>{@code bandit#<campaignId> / ctx#<context>}: {@code shown}, {@code redeemed} counters ({@code ctx#*}: all contexts)</li>
 *   <li>{@code offer#<profileId> / campaign#<campaignId>}: latest decision, and which decision was shown and redeemed</li>
 *   <li>{@code offer#<profileId> / group}: holdout or treated, and when the profile converted</li>
 *   <li>{@code uplift / group#<name>}: {@code assigned}, {@code converted} counters</li>
 * </ul>
 * A flag on the decision or group item is set with a conditional write before its counter moves,
 * so a repeated event never counts twice; a crash between the two loses one count (learning
 * statistics are at-most-once, money never depends on them).
 */
public final class DynamoOfferMemory implements OfferMemory {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOfferMemory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, ArmStats> stats(String campaignId) {
        Map<String, ArmStats> stats = new HashMap<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("bandit#" + campaignId))))
                .items()
                .forEach(item -> stats.put(
                        item.get("sk").s().substring("ctx#".length()),
                        new ArmStats(number(item, "shown"), number(item, "redeemed"))));
        return stats;
    }

    @Override
    public void rememberDecision(
            String profileId, String campaignId, String decisionId, String contextKey, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key("offer#" + profileId, "campaign#" + campaignId));
        item.put("decisionId", AttributeValue.fromS(decisionId));
        item.put("context", AttributeValue.fromS(contextKey));
        item.put("decidedAt", AttributeValue.fromN(Long.toString(at.toEpochMilli())));
        item.put(
                "expiresAt",
                AttributeValue.fromN(Long.toString(at.plus(Duration.ofDays(90)).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean shown(String profileId, String campaignId, Instant at) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table)
                            .key(key("offer#" + profileId, "campaign#" + campaignId))
                            .updateExpression("SET shownId = decisionId")
                            .conditionExpression(
                                    "attribute_exists(decisionId) AND (attribute_not_exists(shownId) OR shownId <> decisionId)")
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            count(campaignId, updated.get("context").s(), "shown");
            return true;
        } catch (ConditionalCheckFailedException noneOrCounted) {
            return false;
        }
    }

    @Override
    public boolean redeemed(String profileId, String campaignId, Instant at, Duration window) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table)
                            .key(key("offer#" + profileId, "campaign#" + campaignId))
                            .updateExpression("SET redeemedId = decisionId")
                            .conditionExpression(
                                    "shownId = decisionId AND (attribute_not_exists(redeemedId) OR redeemedId <> decisionId)"
                                            + " AND decidedAt >= :since")
                            .expressionAttributeValues(Map.of(
                                    ":since",
                                    AttributeValue.fromN(
                                            Long.toString(at.minus(window).toEpochMilli()))))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            count(campaignId, updated.get("context").s(), "redeemed");
            return true;
        } catch (ConditionalCheckFailedException notShownOrCounted) {
            return false;
        }
    }

    @Override
    public void assignGroup(String profileId, boolean holdout, Instant at) {
        String group = holdout ? "holdout" : "treated";
        Map<String, AttributeValue> item = new HashMap<>(key("offer#" + profileId, "group"));
        item.put("grp", AttributeValue.fromS(group));
        item.put("assignedAt", AttributeValue.fromS(at.toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException assignedBefore) {
            return;
        }
        add(key("uplift", "group#" + group), "assigned");
    }

    @Override
    public boolean converted(String profileId, Instant at) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table)
                            .key(key("offer#" + profileId, "group"))
                            .updateExpression("SET convertedAt = :at")
                            .conditionExpression("attribute_exists(grp) AND attribute_not_exists(convertedAt)")
                            .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(at.toString())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            add(key("uplift", "group#" + updated.get("grp").s()), "converted");
            return true;
        } catch (ConditionalCheckFailedException unassignedOrCounted) {
            return false;
        }
    }

    @Override
    public Map<String, long[]> groups() {
        Map<String, long[]> groups = new LinkedHashMap<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("uplift"))))
                .items()
                .forEach(item -> groups.put(
                        item.get("sk").s().substring("group#".length()),
                        new long[] {number(item, "assigned"), number(item, "converted")}));
        return groups;
    }

    private void count(String campaignId, String context, String counter) {
        add(key("bandit#" + campaignId, "ctx#" + context), counter);
        add(key("bandit#" + campaignId, "ctx#" + ALL_CONTEXTS), counter);
    }

    private void add(Map<String, AttributeValue> key, String counter) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key)
                .updateExpression("ADD #c :one")
                .expressionAttributeNames(Map.of("#c", counter))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
