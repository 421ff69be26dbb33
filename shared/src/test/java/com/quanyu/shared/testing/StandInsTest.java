package com.quanyu.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

@ExtendWith(AwsStandInsExtension.class)
class StandInsTest {
    private final StandIns aws;

    StandInsTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void createsEveryTableAndBucketOfTheTemplate() {
        var tables = aws.dynamo().listTables().tableNames();
        for (String id : aws.template().resourcesOfType("AWS::DynamoDB::Table")) {
            String name = aws.template().resolve(aws.template().properties(id).get("TableName"));
            assertTrue(tables.contains(name), "table of " + id + " missing: " + name);
        }
        var profiles = aws.dynamo()
                .describeTable(b -> b.tableName("quanyu-local-profiles"))
                .table();
        assertEquals("gsi1", profiles.globalSecondaryIndexes().get(0).indexName());
        var buckets =
                aws.s3().listBuckets().buckets().stream().map(b -> b.name()).toList();
        assertTrue(buckets.contains("quanyu-local-lake-000000000000"), buckets.toString());
        assertTrue(buckets.contains("quanyu-local-models-000000000000"), buckets.toString());
    }

    @Test
    void dynamoStandInEnforcesConditionalWrites() {
        String table = aws.envFor("IngestFunction").required("IDEMPOTENCY_TABLE");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("standins-test-" + System.nanoTime()));
        aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        try {
            aws.dynamo().putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            throw new AssertionError("second conditional put must fail");
        } catch (ConditionalCheckFailedException expected) {
            // the stand-in behaves like DynamoDB
        }
    }

    @Test
    void s3StandInStoresAndReturnsObjects() {
        String bucket = aws.envFor("IngestFunction").required("DATA_LAKE_BUCKET");
        aws.s3().putObject(b -> b.bucket(bucket).key("test/hello.txt"), RequestBody.fromString("你好 S3"));
        String back = aws.s3()
                .getObjectAsBytes(b -> b.bucket(bucket).key("test/hello.txt"))
                .asUtf8String();
        assertEquals("你好 S3", back);
    }
}
