package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.testing.KinesisEventSourceMapping;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.StandIns;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The deployed ingest path on the stand-ins: the API handler puts into the stream (kinesalite), and
 * after each request the event source mapping delivers what it put to {@link IngestStreamHandler},
 * so tests can check the profiles right after a request.
 */
final class StreamedIngest {
    private final IngestApiHandler api;
    private final KinesisEventSourceMapping mapping;

    StreamedIngest(StandIns aws, Env apiEnv) {
        this.api = new IngestApiHandler(apiEnv, aws.dynamo(), aws.s3());
        IngestStreamHandler consumer =
                new IngestStreamHandler(aws.envFor("IngestStreamFunction"), aws.dynamo(), aws.s3());
        SamFunction.StreamTrigger trigger = aws.functions().stream()
                .filter(f -> f.logicalId().equals("IngestStreamFunction"))
                .findFirst()
                .orElseThrow()
                .streams()
                .get(0);
        this.mapping = new KinesisEventSourceMapping(
                aws.kinesis(),
                apiEnv.required(IngestApiHandler.STREAM),
                trigger.batchSize(),
                ShardIteratorType.LATEST,
                event -> consumer.handleRequest(event, null));
    }

    /** The API's answer, once the consumer has folded what the request buffered. */
    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = api.handleRequest(request, null);
        mapping.drain();
        return response;
    }
}
