package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.buffer.EventBuffer;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client sees when the buffer refuses events: 429 with {@code retry-after} only when it is at
 * its write capacity (a peak beyond the stream's shards), 503 with {@code retry-after} for any other
 * fault; never a 200 for events that were not stored.
 */
@ExtendWith(AwsStandInsExtension.class)
class BufferRefusalTest {
    private static final String BATCH =
            "{\"batch\":[{\"type\":\"track\",\"userId\":\"u-full\",\"event\":\"Product Viewed\"}]}";

    private static APIGatewayV2HTTPResponse post(StandIns aws, EventBuffer buffer) {
        Env env = aws.envFor("IngestFunction");
        String key = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                .register("refusal", "web")
                .writeKey();
        IngestApiHandler handler = new IngestApiHandler(env, aws.dynamo(), aws.s3(), Optional.of(buffer));
        return handler.handleRequest(
                ApiEvents.post("/v1/batch", BATCH, Map.of("Authorization", ApiEvents.basic(key))), null);
    }

    @Test
    void aFullBufferIsA429WithRetryAfter(StandIns aws) throws Exception {
        APIGatewayV2HTTPResponse response = post(aws, records -> {
            throw new EventBuffer.BufferFullException("the stream's write capacity is exceeded");
        });
        assertEquals(429, response.getStatusCode());
        assertNotNull(response.getHeaders().get("retry-after"), "429 carries retry-after");
        assertEquals(
                "too_many_requests", Json.parse(response.getBody()).get("error").asText());
    }

    @Test
    void anyOtherBufferFaultIsA503WithRetryAfter(StandIns aws) throws Exception {
        APIGatewayV2HTTPResponse response = post(aws, records -> {
            throw new IngestUnavailableException("the stream refused 1 records: InternalFailure");
        });
        assertEquals(503, response.getStatusCode());
        assertNotNull(response.getHeaders().get("retry-after"), "503 carries retry-after");
        assertEquals(
                "service_unavailable",
                Json.parse(response.getBody()).get("error").asText());
    }
}
