package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link CampaignStore} on the campaigns table: campaign definitions, with the campaign's remaining budget kept beside
 * the definition so redemptions can draw it down with conditional writes.
 *
 * <p>Item: {@code pk=campaign#<id>, sk=campaign}, attributes {@code campaign} (the definition),
 * {@code version}, {@code budgetRemaining} (minor units, only when the campaign has a budget) and
 * {@code inflight} (claim markers, see {@link CouponLedger}). Listed through {@code gsi1pk=campaigns}.
 */
public final class DynamoCampaignStore implements CampaignStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCampaignStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Campaign campaign) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.campaign(campaign.id()));
        item.put("gsi1pk", AttributeValue.fromS("campaigns"));
        item.put("gsi1sk", AttributeValue.fromS(campaign.id()));
        item.put("campaign", AttributeValue.fromM(DynamoJson.item(campaign)));
        item.put("version", AttributeValue.fromN("1"));
        if (campaign.budget() != null) {
            item.put(
                    "budgetRemaining",
                    AttributeValue.fromN(Long.toString(campaign.budget().minor())));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean update(Stored current, Campaign changed) {
        long delta = CampaignStore.budgetDelta(current, changed);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":c", AttributeValue.fromM(DynamoJson.item(changed)));
        values.put(":v", AttributeValue.fromN(Long.toString(current.version())));
        values.put(":next", AttributeValue.fromN(Long.toString(current.version() + 1)));
        String update = "SET campaign = :c, version = :next";
        String condition = "version = :v";
        if (changed.budget() != null) {
            values.put(":delta", AttributeValue.fromN(Long.toString(delta)));
            values.put(":needed", AttributeValue.fromN(Long.toString(Math.max(0, -delta))));
            update += ", budgetRemaining = budgetRemaining + :delta";
            condition += " AND budgetRemaining >= :needed";
        }
        String u = update;
        String c = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Keys.campaign(changed.id()))
                    .updateExpression(u)
                    .conditionExpression(c)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    @Override
    public Optional<Stored> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Keys.campaign(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    /** One paged query of {@code gsi1}. */
    @Override
    public List<Stored> all() {
        List<Stored> result = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("campaigns")));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> result.add(stored(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return result;
    }

    private static Stored stored(Map<String, AttributeValue> item) {
        Campaign campaign = DynamoJson.read(item.get("campaign").m(), Campaign.class);
        long version = Long.parseLong(item.get("version").n());
        Money remaining = item.containsKey("budgetRemaining")
                ? new Money(Long.parseLong(item.get("budgetRemaining").n()), campaign.currency())
                : null;
        return new Stored(campaign, version, remaining);
    }
}
