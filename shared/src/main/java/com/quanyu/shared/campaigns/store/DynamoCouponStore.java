package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.campaigns.Coupon;
import com.quanyu.shared.campaigns.CouponStore;
import com.quanyu.shared.campaigns.Redemption;
import com.quanyu.shared.campaigns.RedemptionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link CouponStore} on the campaigns table, with single-item conditional writes only (dynalite has
 * no transactions). Items ({@link Keys}):
 * <ul>
 *   <li>coupon {@code pk=coupon#<code>, sk=coupon}: the {@link Coupon}'s fields, {@code remaining}
 *       uses, {@code inflight} claim markers; a unique code also {@code gsi1pk=coupons-of#<profile>};</li>
 *   <li>issue marker {@code pk=campaign#<id>, sk=issued#<profile>}: {@code code};</li>
 *   <li>redemption {@code pk=coupon#<code>, sk=redemption#<order>}: the {@link RedemptionRecord}'s
 *       fields, {@code gsi1pk=order#<order>} and {@code gsi2pk=redemptions-of#<campaign>};</li>
 *   <li>a campaign's {@code budgetRemaining} and its markers live on the campaign item
 *       ({@link DynamoCampaignStore}).</li>
 * </ul>
 */
public final class DynamoCouponStore implements CouponStore {
    /** gsi2 partition of a campaign's redemption records. */
    private static final String CAMPAIGN_REDEMPTIONS = "redemptions-of#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Claims claims;

    public DynamoCouponStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new Claims(dynamo, table);
    }

    // ------------------------------------------------------------------ coupons

    @Override
    public String rememberIssuedCode(String campaignId, String profileId, String candidate) {
        Map<String, AttributeValue> marker = new HashMap<>(Keys.issued(campaignId, profileId));
        marker.put("code", AttributeValue.fromS(candidate));
        try {
            dynamo.putItem(b -> b.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)"));
            return candidate;
        } catch (ConditionalCheckFailedException issuedBefore) {
            return dynamo.getItem(b -> b.tableName(table)
                            .key(Keys.issued(campaignId, profileId))
                            .consistentRead(true))
                    .item()
                    .get("code")
                    .s();
        }
    }

    @Override
    public void addCouponIfAbsent(Coupon coupon) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoJson.item(coupon));
        item.putAll(Keys.coupon(coupon.code()));
        if (coupon.profileId() != null) {
            item.put("gsi1pk", AttributeValue.fromS("coupons-of#" + coupon.profileId()));
            item.put("gsi1sk", AttributeValue.fromS(coupon.issuedAt() + "#" + coupon.code()));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // issued by an earlier attempt
        }
    }

    @Override
    public Optional<Coupon> coupon(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Keys.coupon(code)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DynamoJson.read(item, Coupon.class));
    }

    @Override
    public List<Coupon> couponsOf(String profileId) {
        List<Coupon> coupons = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("coupons-of#" + profileId)))
                        .scanIndexForward(false))
                .items()
                .forEach(item -> coupons.add(DynamoJson.read(item, Coupon.class)));
        return coupons;
    }

    // ------------------------------------------------------------------ redemption records

    @Override
    public Optional<RedemptionRecord> redemption(String code, String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(b ->
                        b.tableName(table).key(Keys.redemption(code, orderId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(DynamoJson.read(item, RedemptionRecord.class));
    }

    @Override
    public boolean addRedemptionIfAbsent(RedemptionRecord pending) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoJson.item(pending));
        item.putAll(Keys.redemption(pending.code(), pending.orderId()));
        item.put("gsi1pk", AttributeValue.fromS("order#" + pending.orderId()));
        item.put("gsi1sk", AttributeValue.fromS("coupon#" + pending.code()));
        item.put("gsi2pk", AttributeValue.fromS(CAMPAIGN_REDEMPTIONS + pending.campaignId()));
        item.put("gsi2sk", AttributeValue.fromS(pending.code() + "#" + pending.orderId()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException concurrentSameOrder) {
            return false;
        }
    }

    @Override
    public List<RedemptionRecord> redemptionsOfOrder(String orderId) {
        return query("gsi1", "gsi1pk", "order#" + orderId);
    }

    @Override
    public List<RedemptionRecord> redemptionsOfCampaign(String campaignId) {
        return query("gsi2", "gsi2pk", CAMPAIGN_REDEMPTIONS + campaignId);
    }

    private List<RedemptionRecord> query(String index, String partition, String value) {
        List<RedemptionRecord> result = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .indexName(index)
                        .keyConditionExpression(partition + " = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(value))))
                .items()
                .forEach(item -> result.add(DynamoJson.read(item, RedemptionRecord.class)));
        return result;
    }

    @Override
    public boolean takeLease(
            RedemptionRecord record,
            Redemption.State from,
            Redemption.State releasedFrom,
            String owner,
            Instant now,
            long leaseUntil) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":from", AttributeValue.fromS(from.name()));
        values.put(":me", AttributeValue.fromS(owner));
        values.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        values.put(":until", AttributeValue.fromN(Long.toString(leaseUntil)));
        String update = "SET #o = :me, leaseUntil = :until";
        if (releasedFrom != null) {
            values.put(":releasing", AttributeValue.fromS(Redemption.State.RELEASING.name()));
            values.put(":rf", AttributeValue.fromS(releasedFrom.name()));
            update += ", #s = :releasing, releasedFrom = :rf";
        }
        // A CONFIRMED record has no lease; PENDING and RELEASING ones can be taken over once it lapses.
        String condition = "#s = :from AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)";
        String expression = update;
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Keys.redemption(record.code(), record.orderId()))
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#s", "state", "#o", "owner"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException heldOrChanged) {
            return false;
        }
    }

    @Override
    public boolean settle(RedemptionRecord leased, Redemption.State from, Redemption.State to, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Keys.redemption(leased.code(), leased.orderId()))
                    .updateExpression("SET #s = :to, #at = :at REMOVE #o, leaseUntil")
                    .conditionExpression("#s = :from AND #o = :me")
                    .expressionAttributeNames(Map.of("#s", "state", "#at", "at", "#o", "owner"))
                    .expressionAttributeValues(Map.of(
                            ":from",
                            AttributeValue.fromS(from.name()),
                            ":to",
                            AttributeValue.fromS(to.name()),
                            ":at",
                            AttributeValue.fromS(at.toString()),
                            ":me",
                            AttributeValue.fromS(leased.owner()))));
            return true;
        } catch (ConditionalCheckFailedException leaseLost) {
            return false;
        }
    }

    @Override
    public boolean removeAbandoned(RedemptionRecord pending) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Keys.redemption(pending.code(), pending.orderId()))
                    .conditionExpression("#s = :pending AND #o = :me")
                    .expressionAttributeNames(Map.of("#s", "state", "#o", "owner"))
                    .expressionAttributeValues(Map.of(
                            ":pending",
                            AttributeValue.fromS("PENDING"),
                            ":me",
                            AttributeValue.fromS(pending.owner()))));
            return true;
        } catch (ConditionalCheckFailedException leaseLost) {
            return false;
        }
    }

    // ------------------------------------------------------------------ counters

    @Override
    public Draw draw(Counter counter, long amount, String marker) {
        return claims.claim(key(counter), attribute(counter), amount, marker);
    }

    @Override
    public boolean undoDraw(Counter counter, long amount, String marker) {
        return claims.undo(key(counter), attribute(counter), amount, marker);
    }

    @Override
    public void giveBack(Counter counter, long amount, String releaseMarker) {
        claims.giveBack(key(counter), attribute(counter), amount, releaseMarker);
    }

    @Override
    public void forgetMarkers(Counter counter, String... markers) {
        claims.forget(key(counter), markers);
    }

    @Override
    public Set<String> markers(Counter counter) {
        return claims.markers(key(counter));
    }

    private static Map<String, AttributeValue> key(Counter counter) {
        return switch (counter.kind()) {
            case COUPON_USES -> Keys.coupon(counter.id());
            case CAMPAIGN_BUDGET -> Keys.campaign(counter.id());
        };
    }

    private static String attribute(Counter counter) {
        return switch (counter.kind()) {
            case COUPON_USES -> "remaining";
            case CAMPAIGN_BUDGET -> "budgetRemaining";
        };
    }
}
