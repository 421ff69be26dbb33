package com.quanyu.train.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The profiles table's approximate item count, which sizes a scoring run's shards. */
public final class ProfilesTableSize {
    private final DynamoDbClient dynamo;
    private final String table;

    public ProfilesTableSize(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Every item kind (profiles, identity links, ...), as DynamoDB refreshes it about every six
     * hours; 0 when unknown.
     */
    public long approximateItemCount() {
        Long count = dynamo.describeTable(b -> b.tableName(table)).table().itemCount();
        return count == null ? 0 : count;
    }
}
