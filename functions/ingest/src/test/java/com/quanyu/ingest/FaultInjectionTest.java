package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.Concurrently;
import com.quanyu.shared.testing.FaultInjectingInterceptor;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reliability suite (b), ingestion: a share of DynamoDB and S3 calls is throttled, timed out,
 * failed, or has its response lost after the write took effect, mid-batch, while four senders post
 * overlapping batches (duplicates and identity merges) and retry every 503 as SDKs do. Afterwards
 * every event is counted exactly once, every person is one profile (no half merge), every order
 * once, and no accepted event is missing from the lake.
 */
@ExtendWith(AwsStandInsExtension.class)
class FaultInjectionTest {
    private static final int SENDERS = 4;
    private static final int PEOPLE = 6;
    private static final int BATCHES = 3;
    private static final int EVENTS_PER_PERSON_PER_BATCH = 4;

    private final StandIns aws;
    private final Env env;
    private final String writeKey;
    private final String sourceId;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    FaultInjectionTest(StandIns aws) {
        this.aws = aws;
        // A short lease: claims a failed call could not release expire quickly, so retries stay short.
        // the synchronous write path: the counts are read from the stores right after the requests
        this.env = aws.envFor("IngestFunction").with(Map.of("INGEST_LEASE_SECONDS", "1", IngestApiHandler.STREAM, ""));
        SourceRegistry.IssuedKey key =
                new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE")).register("Faulty " + run, "web");
        this.writeKey = key.writeKey();
        this.sourceId = key.source().sourceId();
    }

    /**
     * Batch {@code b}: for every person, 4 events alternating between two anonymousIds; from batch 1 on
     * the first event of each also carries the userId that joins them (profiles merge mid-run); one order each.
     */
    private String batch(int b) {
        StringBuilder out = new StringBuilder("{\"batch\":[");
        boolean first = true;
        for (int p = 0; p < PEOPLE; p++) {
            for (int e = 0; e < EVENTS_PER_PERSON_PER_BATCH; e++) {
                String anon = run + "-anon-" + p + "-" + (e % 2);
                String ids = "\"anonymousId\":\"" + anon + "\""
                        + (b > 0 && e < 2 ? ",\"userId\":\"" + run + "-user-" + p + "\"" : "");
                String body = b == 2 && e == 3
                        ? "\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"" + run
                                + "-o" + p + "\",\"total\":10}"
                        : "\"type\":\"page\",\"name\":\"p" + e + "\"";
                out.append(first ? "" : ",")
                        .append('{')
                        .append(body)
                        .append(',')
                        .append(ids)
                        .append(",\"messageId\":\"")
                        .append(run)
                        .append("-b")
                        .append(b)
                        .append("-p")
                        .append(p)
                        .append("-e")
                        .append(e)
                        .append("\"}");
                first = false;
            }
        }
        return out.append("]}").toString();
    }

    @Test
    void underInjectedFaultsEveryAcceptedEventCountsExactlyOnce() throws Exception {
        FaultInjectingInterceptor dynamoFaults =
                FaultInjectingInterceptor.builder().share(0.08).seed(3).build();
        FaultInjectingInterceptor s3Faults =
                FaultInjectingInterceptor.builder().share(0.3).seed(4).build();
        IngestApiHandler handler = new IngestApiHandler(
                env, AwsClients.dynamoDb(env, List.of(dynamoFaults)), AwsClients.s3(env, List.of(s3Faults)));
        dynamoFaults.arm();
        s3Faults.arm();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger serverErrorsOtherThan503 = new AtomicInteger();
        // Every sender posts every batch (so each batch also arrives 4 times at once: duplicates).
        Concurrently.run(SENDERS, sender -> {
            for (int b = 0; b < BATCHES; b++) {
                int batch = (b + sender) % BATCHES;
                APIGatewayV2HTTPResponse response = send(handler, batch(batch));
                for (int attempt = 0; response.getStatusCode() == 503 && attempt < 60; attempt++) {
                    retries.incrementAndGet();
                    Thread.sleep(200);
                    response = send(handler, batch(batch));
                }
                if (response.getStatusCode() >= 500 && response.getStatusCode() != 503) {
                    serverErrorsOtherThan503.incrementAndGet();
                }
                assertEquals(200, response.getStatusCode(), response.getBody());
            }
        });
        dynamoFaults.disarm();
        s3Faults.disarm();
        assertEquals(0, serverErrorsOtherThan503.get());
        assertTrue(dynamoFaults.injected() + s3Faults.injected() > 0);

        CustomerStores stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
        long events = 0;
        for (int p = 0; p < PEOPLE; p++) {
            Profile profile =
                    stores.profiles().resolve("user_id:" + run + "-user-" + p).orElseThrow();
            for (int a = 0; a < 2; a++) {
                assertEquals(
                        profile.profileId(),
                        stores.profiles()
                                .resolve("anonymous_id:" + run + "-anon-" + p + "-" + a)
                                .orElseThrow()
                                .profileId(),
                        "no half-merged profile");
            }
            assertEquals(
                    BATCHES * EVENTS_PER_PERSON_PER_BATCH,
                    profile.counters().events(),
                    "person " + p + " events exactly once");
            assertEquals(1, profile.counters().orders(), "person " + p + " order once");
            events += profile.counters().events();
        }
        Set<String> inLake = lakeMessageIds();
        int expected = PEOPLE * BATCHES * EVENTS_PER_PERSON_PER_BATCH;
        assertEquals(expected, inLake.size(), "every accepted event is in the lake");
        System.out.printf(
                "FAULTS ingest requests=%d retries=%d dynamoCalls=%d s3Calls=%d injected=%d (dynamo %d, s3 %d) events=%d lost=%d%n",
                SENDERS * BATCHES + retries.get(),
                retries.get(),
                dynamoFaults.calls(),
                s3Faults.calls(),
                dynamoFaults.injected() + s3Faults.injected(),
                dynamoFaults.injected(),
                s3Faults.injected(),
                events,
                expected - inLake.size());
    }

    private APIGatewayV2HTTPResponse send(IngestApiHandler handler, String body) {
        return handler.handleRequest(
                ApiEvents.post("/v1/batch", body, Map.of("authorization", ApiEvents.basic(writeKey))), null);
    }

    private Set<String> lakeMessageIds() throws Exception {
        Set<String> ids = new HashSet<>();
        String bucket = env.required("DATA_LAKE_BUCKET");
        for (var object : aws.s3()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix("events/"))
                .contents()) {
            byte[] gz = aws.s3()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray();
            String text = new String(
                    new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                JsonNode record = Json.parse(line);
                if (sourceId.equals(record.path("sourceId").asText())) {
                    ids.add(record.path("messageId").asText());
                }
            }
        }
        return ids;
    }
}
