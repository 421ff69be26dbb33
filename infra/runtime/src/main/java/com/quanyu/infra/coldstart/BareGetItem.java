package com.quanyu.infra.coldstart;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor of a cold start: a bare main that builds a DynamoDbClient and does one GetItem
 * against the stand-in. Run in a fresh JVM by {@link ColdStartBenchmark}; args: table, pk, sk.
 */
public final class BareGetItem {
    private BareGetItem() {}

    public static void main(String[] args) {
        Phases phases = Phases.start();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(Env.system())) {
            phases.end("init");
            var item = dynamo.getItem(b -> b.tableName(args[0])
                            .key(Map.of("pk", AttributeValue.fromS(args[1]), "sk", AttributeValue.fromS(args[2]))))
                    .item();
            phases.end("request");
            System.out.println("status=" + (item.isEmpty() ? 404 : 200));
            System.out.println(phases.line());
        }
    }
}
