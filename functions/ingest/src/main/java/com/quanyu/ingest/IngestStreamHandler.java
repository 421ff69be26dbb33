package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.quanyu.ingest.buffer.BufferRecord;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.BufferedEvent;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.risk.OrderRiskScorers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The consumer of the ingest stream (Kinesis event source mapping): folds each delivered batch into
 * profiles with {@link EventPipeline#fold} — dedupe, stitching, orders with risk, one write per
 * profile per batch, the lake, done marks. A failure throws, so Lambda delivers the same batch again
 * (the event source mapping retries without a limit: a throttled DynamoDB delays events, never drops
 * them), and the fold's idempotent effects apply nothing twice.
 */
public final class IngestStreamHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    private static final JsonLogger LOG = JsonLogger.of(IngestStreamHandler.class);
    private final EventPipeline pipeline;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public IngestStreamHandler() {
        this(Env.system());
    }

    public IngestStreamHandler(Env env) {
        this(env, AwsClients.dynamoDb(env), AwsClients.s3(env));
    }

    /** Over given clients (tests inject faults through them). */
    public IngestStreamHandler(Env env, DynamoDbClient dynamo, S3Client s3) {
        this.pipeline = CustomerStores.fromEnv(env, dynamo, s3)
                .pipelineBuilder()
                .riskScorer(OrderRiskScorers.fromEnv(env))
                .parallelism(env.intValue("INGEST_PARALLELISM", 8))
                .build();
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        Invocations.start(context);
        List<BufferedEvent> batch = new ArrayList<>(event.getRecords().size());
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            ByteBuffer data = record.getKinesis().getData().asReadOnlyBuffer();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            batch.add(BufferRecord.parse(bytes, pipeline.parser()));
        }
        IngestReport report = pipeline.fold(batch);
        IngestMetrics.emit(report);
        LOG.info(
                "batch folded",
                "records",
                batch.size(),
                "accepted",
                report.count(Status.ACCEPTED),
                "duplicates",
                report.count(Status.DUPLICATE),
                "suppressed",
                report.count(Status.SUPPRESSED));
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
