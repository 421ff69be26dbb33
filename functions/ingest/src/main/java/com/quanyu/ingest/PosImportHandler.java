package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.quanyu.ingest.store.PosImport;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.log.Metrics;
import com.quanyu.shared.risk.OrderRiskScorers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 trigger for point-of-sale exports dropped under {@code imports/pos/} in the lake bucket: each
 * file becomes {@code Order Completed} events for the store channel. A failure throws, so Lambda
 * retries the notification; the import is idempotent per receipt.
 */
public final class PosImportHandler implements RequestHandler<S3Event, String> {
    private final PosImport imports;

    public PosImportHandler() {
        this(Env.system());
    }

    public PosImportHandler(Env env) {
        this(env, AwsClients.dynamoDb(env), AwsClients.s3(env));
    }

    public PosImportHandler(Env env, DynamoDbClient dynamo, S3Client s3) {
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        this.imports = new PosImport(
                s3,
                stores.pipelineBuilder()
                        .riskScorer(OrderRiskScorers.fromEnv(env))
                        .build(),
                ZoneId.of(env.get("POS_TIME_ZONE", "Asia/Shanghai")),
                env.get("DEFAULT_CURRENCY", "CNY"),
                Clock.systemUTC());
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        Invocations.start(context);
        return Metrics.timed("pos-import", () -> run(event, context));
    }

    private String run(S3Event event, Context context) {
        int files = 0;
        for (var record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            // S3 notifications URL-encode keys, with '+' for spaces.
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            if (imports.importFile(bucket, key).isPresent()) {
                files++;
            }
        }
        return "imported " + files + " file(s)";
    }
}
