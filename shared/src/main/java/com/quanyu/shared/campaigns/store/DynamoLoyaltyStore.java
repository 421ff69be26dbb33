package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.campaigns.LoyaltyAccount;
import com.quanyu.shared.campaigns.LoyaltyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link LoyaltyStore} on the campaigns table: one item per customer ({@code pk=loyalty#<profileId>,
 * sk=account}) holding the account's lots and spends under {@code account}, its {@code version}, and
 * {@code balance}, {@code tier} and {@code updatedAt} for reading and querying.
 */
public final class DynamoLoyaltyStore implements LoyaltyStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLoyaltyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<LoyaltyAccount> load(String profileId) {
        Map<String, AttributeValue> item = dynamo.getItem(b ->
                        b.tableName(table).key(Keys.loyaltyAccount(profileId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        LoyaltyAccount stored = DynamoJson.read(item.get("account").m(), LoyaltyAccount.class);
        return Optional.of(stored.withVersion(Long.parseLong(item.get("version").n())));
    }

    @Override
    public boolean replace(LoyaltyAccount next, long expectedVersion, long balance, String tier, Instant updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.loyaltyAccount(next.profileId()));
        item.put("account", AttributeValue.fromM(DynamoJson.item(next)));
        item.put("version", AttributeValue.fromN(Long.toString(next.version())));
        item.put("balance", AttributeValue.fromN(Long.toString(balance)));
        item.put("tier", AttributeValue.fromS(tier));
        item.put("updatedAt", AttributeValue.fromS(updatedAt.toString()));
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR version = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
            return true;
        } catch (ConditionalCheckFailedException concurrentWriter) {
            return false;
        }
    }
}
