package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.campaigns.CouponStore.Draw;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotent draws on a counter attribute (a coupon's remaining uses, a campaign's remaining
 * budget) with single-item conditional writes. Each draw leaves a marker in the item's
 * {@code inflight} string set in the same write, so a retry after a crash can tell whether its
 * draw already happened, and an undo removes the marker and restores the counter atomically.
 * Markers are forgotten once the owning redemption is settled, which keeps the set small. Used by
 * {@link DynamoCouponStore}.
 */
public final class Claims {
    private final DynamoDbClient dynamo;
    private final String table;

    public Claims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Takes {@code amount} from {@code counter} unless the marker shows it was taken already. */
    public Draw claim(Map<String, AttributeValue> key, String counter, long amount, String marker) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("SET #c = #c - :n ADD inflight :ms")
                    .conditionExpression(
                            "attribute_exists(pk) AND #c >= :n AND (attribute_not_exists(inflight) OR NOT contains(inflight, :m))")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(values(amount, marker)));
            return Draw.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            return holds(key, marker) ? Draw.ALREADY_CLAIMED : Draw.INSUFFICIENT;
        }
    }

    /** Reverses a draw that has not been settled; false when there was nothing to reverse. */
    public boolean undo(Map<String, AttributeValue> key, String counter, long amount, String marker) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("SET #c = #c + :n DELETE inflight :ms")
                    .conditionExpression("contains(inflight, :m)")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(values(amount, marker)));
            return true;
        } catch (ConditionalCheckFailedException nothingToUndo) {
            return false;
        }
    }

    /**
     * Gives back a settled draw (a refund). Guarded by its own marker so that a retried refund
     * gives back once; the marker is forgotten when the release is settled.
     */
    public void giveBack(Map<String, AttributeValue> key, String counter, long amount, String releaseMarker) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("SET #c = #c + :n ADD inflight :ms")
                    .conditionExpression(
                            "attribute_exists(pk) AND (attribute_not_exists(inflight) OR NOT contains(inflight, :m))")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(values(amount, releaseMarker)));
        } catch (ConditionalCheckFailedException alreadyGivenBack) {
            // the marker is there: an earlier attempt gave it back
        }
    }

    /** Drops markers of settled operations. */
    public void forget(Map<String, AttributeValue> key, String... markers) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key)
                    .updateExpression("DELETE inflight :ms")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":ms", AttributeValue.fromSs(List.of(markers)))));
        } catch (ConditionalCheckFailedException gone) {
            // nothing to tidy on an item that no longer exists
        }
    }

    /** The markers an item holds now (consistent read). */
    public java.util.Set<String> markers(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key).consistentRead(true).projectionExpression("inflight"))
                .item();
        AttributeValue inflight = item == null ? null : item.get("inflight");
        return inflight != null && inflight.hasSs() ? java.util.Set.copyOf(inflight.ss()) : java.util.Set.of();
    }

    private boolean holds(Map<String, AttributeValue> key, String marker) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key).consistentRead(true).projectionExpression("inflight"))
                .item();
        AttributeValue inflight = item == null ? null : item.get("inflight");
        return inflight != null && inflight.hasSs() && inflight.ss().contains(marker);
    }

    private static Map<String, AttributeValue> values(long amount, String marker) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":n", AttributeValue.fromN(Long.toString(amount)));
        values.put(":m", AttributeValue.fromS(marker));
        values.put(":ms", AttributeValue.fromSs(List.of(marker)));
        return values;
    }
}
