package com.quanyu.train.store;

import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.customer.Profile;
import com.quanyu.train.batch.ShardScoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One parallel-scan segment of the profiles table ({@code Segment}/{@code TotalSegments}): DynamoDB
 * splits the key space so that the segments together return every item exactly once. Only profile
 * items ({@code sk = profile}) of live profiles (no {@code mergedInto}) are handed on; the filter
 * runs server-side, though the scan still reads (and bills) every item of the segment.
 */
public final class DynamoProfileSegments implements ShardScoring.ProfileSegments {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfileSegments(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void forEachPage(int segment, int totalSegments, Consumer<List<Profile>> page) {
        for (ScanResponse response : dynamo.scanPaginator(b -> b.tableName(table)
                .segment(segment)
                .totalSegments(totalSegments)
                .filterExpression("sk = :profile AND attribute_not_exists(mergedInto)")
                .expressionAttributeValues(Map.of(":profile", AttributeValue.fromS("profile"))))) {
            List<Profile> profiles = new ArrayList<>(response.count());
            for (Map<String, AttributeValue> item : response.items()) {
                if (item.containsKey("version")) {
                    profiles.add(DynamoJson.read(item, Profile.class));
                }
            }
            page.accept(profiles);
        }
    }

    /** The table's approximate item count (every item kind: profiles, identity links, ...), refreshed by DynamoDB about every six hours. */
    public long approximateItemCount() {
        Long count = dynamo.describeTable(b -> b.tableName(table)).table().itemCount();
        return count == null ? 0 : count;
    }
}
