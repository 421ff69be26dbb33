package com.quanyu.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates every DynamoDB table (keys, GSIs) and S3 bucket that template.yaml declares, on whatever
 * endpoint the clients point at. Existing ones are kept, so a restart over persisted data works.
 */
public final class Provisioner {
    private Provisioner() {}

    /** Creates the template's tables; returns their resolved names. */
    public static List<String> createTables(CfnTemplate template, DynamoDbClient dynamo) {
        List<String> names = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            CreateTableRequest request = tableRequest(template, id);
            names.add(request.tableName());
            try {
                dynamo.createTable(request);
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
            } catch (ResourceInUseException alreadyThere) {
                // kept from an earlier run: add the indexes the template gained since, as a stack update would
                addMissingIndexes(request, dynamo);
            }
        }
        return names;
    }

    private static void addMissingIndexes(CreateTableRequest request, DynamoDbClient dynamo) {
        var existing =
                dynamo.describeTable(b -> b.tableName(request.tableName())).table().globalSecondaryIndexes().stream()
                        .map(software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription::indexName)
                        .collect(java.util.stream.Collectors.toSet());
        for (var index : request.globalSecondaryIndexes()) {
            if (!existing.contains(index.indexName())) {
                dynamo.updateTable(b -> b.tableName(request.tableName())
                        .attributeDefinitions(request.attributeDefinitions())
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                .keySchema(index.keySchema())
                                .projection(index.projection())
                                // dynalite wants a throughput even on an on-demand table; it does not enforce it
                                .provisionedThroughput(
                                        index.provisionedThroughput() != null
                                                ? index.provisionedThroughput()
                                                : software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput
                                                        .builder()
                                                        .readCapacityUnits(1L)
                                                        .writeCapacityUnits(1L)
                                                        .build()))));
            }
        }
    }

    /** Creates the template's Kinesis streams (one shard each locally); returns their resolved names. */
    public static List<String> createStreams(
            CfnTemplate template, software.amazon.awssdk.services.kinesis.KinesisClient kinesis) {
        List<String> names = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::Kinesis::Stream")) {
            String name = template.resolve(template.properties(id).getOrDefault("Name", id));
            names.add(name);
            try {
                kinesis.createStream(b -> b.streamName(name).shardCount(1));
            } catch (software.amazon.awssdk.services.kinesis.model.ResourceInUseException alreadyThere) {
                // kept from an earlier run
            }
            kinesis.waiter().waitUntilStreamExists(b -> b.streamName(name));
        }
        return names;
    }

    /** Creates the template's buckets; returns their resolved names. */
    public static List<String> createBuckets(CfnTemplate template, S3Client s3) {
        List<String> names = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            String name = template.resolve(template.properties(id).getOrDefault("BucketName", id.toLowerCase()));
            names.add(name);
            try {
                s3.createBucket(b -> b.bucket(name));
            } catch (BucketAlreadyOwnedByYouException alreadyThere) {
                // kept from an earlier run
            } catch (S3Exception e) {
                if (e.statusCode() != 409) {
                    throw e;
                }
            }
        }
        return names;
    }

    static CreateTableRequest tableRequest(CfnTemplate template, String logicalId) {
        Map<String, Object> properties = template.properties(logicalId);
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Object item : CfnTemplate.list(properties.get("AttributeDefinitions"))) {
            Map<String, Object> a = CfnTemplate.map(item);
            attributes.add(AttributeDefinition.builder()
                    .attributeName(String.valueOf(a.get("AttributeName")))
                    .attributeType(ScalarAttributeType.fromValue(String.valueOf(a.get("AttributeType"))))
                    .build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object item : CfnTemplate.list(properties.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = CfnTemplate.map(item);
            Map<String, Object> projection = CfnTemplate.map(index.get("Projection"));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(String.valueOf(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.fromValue(
                                    String.valueOf(projection.getOrDefault("ProjectionType", "ALL"))))
                            .build())
                    .build());
        }
        String name = template.resolve(properties.getOrDefault("TableName", logicalId));
        CreateTableRequest.Builder builder = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(properties.get("KeySchema")))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!indexes.isEmpty()) {
            builder.globalSecondaryIndexes(indexes);
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(Object definition) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object item : CfnTemplate.list(definition)) {
            Map<String, Object> k = CfnTemplate.map(item);
            keys.add(KeySchemaElement.builder()
                    .attributeName(String.valueOf(k.get("AttributeName")))
                    .keyType(KeyType.fromValue(String.valueOf(k.get("KeyType"))))
                    .build());
        }
        return keys;
    }
}
