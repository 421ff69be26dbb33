package com.quanyu.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Where Docker exists, checks that template.yaml's tables and buckets provision the same way on
 * LocalStack as on the default stand-ins (dynalite, S3Proxy), so the stand-ins stay honest.
 * Skipped without Docker; {@link StandInsTest} covers the same ground on the stand-ins.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackParityTest {
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
                    DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3);

    @Test
    void templateProvisionsAndConditionalWritesBehaveAlike() {
        Env env = Env.of(Map.of(
                AwsClients.DYNAMODB_ENDPOINT,
                LOCALSTACK
                        .getEndpointOverride(LocalStackContainer.Service.DYNAMODB)
                        .toString(),
                AwsClients.S3_ENDPOINT,
                LOCALSTACK.getEndpointOverride(LocalStackContainer.Service.S3).toString(),
                "AWS_REGION",
                LOCALSTACK.getRegion(),
                "AWS_ACCESS_KEY_ID",
                LOCALSTACK.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY",
                LOCALSTACK.getSecretKey()));
        CfnTemplate template = CfnTemplate.local();
        try (var dynamo = AwsClients.dynamoDb(env);
                var s3 = AwsClients.s3(env)) {
            List<String> tables = Provisioner.createTables(template, dynamo);
            List<String> buckets = Provisioner.createBuckets(template, s3);
            assertTrue(dynamo.listTables().tableNames().containsAll(tables));
            assertEquals(buckets.size(), s3.listBuckets().buckets().size());
            String table = template.resolve(new CfnTemplate.Intrinsic("Ref", "IdempotencyTable"));
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("parity"));
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            assertThrows(
                    ConditionalCheckFailedException.class,
                    () -> dynamo.putItem(
                            b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
        }
    }
}
