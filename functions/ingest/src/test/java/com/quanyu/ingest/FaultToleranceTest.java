package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** A storage fault mid-batch is a retryable 503; retrying the same batch then completes it exactly once. */
@ExtendWith(AwsStandInsExtension.class)
class FaultToleranceTest {
    private static final int EVENTS = 40;

    private final StandIns aws;
    private final Env env;
    private final String writeKey;
    private final CustomerStores stores;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    FaultToleranceTest(StandIns aws) {
        this.aws = aws;
        // A short lease: claims a dead DynamoDB could not release expire quickly, so the retry loop stays short.
        // the synchronous write path: its pipeline's leases and releases under faults
        this.env = aws.envFor("IngestFunction").with(Map.of("INGEST_LEASE_SECONDS", "2", IngestApiHandler.STREAM, ""));
        this.writeKey = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                .register("Faulty", "web")
                .writeKey();
        this.stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
    }

    /** 4 people, 10 events each incl. one order; each person's two anonymousIds are joined by their userId. */
    private String batch(String tag) {
        StringBuilder out = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < EVENTS; i++) {
            int person = i % 4;
            String ids = "\"anonymousId\":\"" + tag + "-anon-" + person + "-" + (i / 4 % 2) + "\"";
            if (i < 8) {
                ids += ",\"userId\":\"" + tag + "-user-" + person + "\"";
            }
            String body = i / 4 == 5
                    ? "\"type\":\"track\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"" + tag + "-o"
                            + i + "\",\"total\":10}"
                    : "\"type\":\"page\"";
            out.append(i == 0 ? "" : ",")
                    .append("{")
                    .append(body)
                    .append(",")
                    .append(ids)
                    .append(",\"messageId\":\"")
                    .append(tag)
                    .append("-m")
                    .append(i)
                    .append("\"}");
        }
        return out.append("]}").toString();
    }

    private APIGatewayV2HTTPResponse send(IngestApiHandler handler, String body) {
        return handler.handleRequest(
                ApiEvents.post("/v1/batch", body, Map.of("authorization", ApiEvents.basic(writeKey))), null);
    }

    private void assertExactlyOnce(String tag) throws Exception {
        IngestApiHandler healthy = new IngestApiHandler(env, aws.dynamo(), aws.s3());
        // Like an SDK: retry while the answer is 503, waiting as retry-after says.
        APIGatewayV2HTTPResponse retry = send(healthy, batch(tag));
        for (int attempt = 0; retry.getStatusCode() == 503 && attempt < 10; attempt++) {
            Thread.sleep(1000L * Integer.parseInt(retry.getHeaders().get("retry-after")));
            retry = send(healthy, batch(tag));
        }
        assertEquals(200, retry.getStatusCode(), retry.getBody());
        long events = 0;
        long orders = 0;
        for (int person = 0; person < 4; person++) {
            Profile p = stores.profiles()
                    .resolve("anonymous_id:" + tag + "-anon-" + person + "-0")
                    .orElseThrow();
            assertEquals(
                    p.profileId(),
                    stores.profiles()
                            .resolve("anonymous_id:" + tag + "-anon-" + person + "-1")
                            .orElseThrow()
                            .profileId());
            events += p.counters().events();
            orders += p.counters().orders();
        }
        assertEquals(EVENTS, events, "every event applied exactly once");
        assertEquals(4, orders);
        APIGatewayV2HTTPResponse again = send(healthy, batch(tag));
        assertEquals(EVENTS, Json.parse(again.getBody()).get("duplicates").asInt());
    }

    @Test
    void s3DownMeansRetryableErrorThenExactlyOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3Client deadS3 =
                AwsClients.s3(aws.baseEnv().with(Map.of(AwsClients.S3_ENDPOINT, "http://127.0.0.1:" + closedPort)));
        APIGatewayV2HTTPResponse failed = send(new IngestApiHandler(env, aws.dynamo(), deadS3), batch(run + "s3"));
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertEquals("1", failed.getHeaders().get("retry-after"));
        assertEquals(
                "service_unavailable", Json.parse(failed.getBody()).get("error").asText());
        assertExactlyOnce(run + "s3");
    }

    @Test
    void dynamoFailingMidBatchMeansRetryableErrorThenExactlyOnce() throws Exception {
        DynamoDbClient flaky = failingAfter(aws.dynamo(), 45);
        APIGatewayV2HTTPResponse failed = send(new IngestApiHandler(env, flaky, aws.s3()), batch(run + "db"));
        assertEquals(503, failed.getStatusCode(), failed.getBody());
        assertExactlyOnce(run + "db");
    }

    /** A client that lets {@code writes} write calls through, then fails every call like an unreachable endpoint. */
    static DynamoDbClient failingAfter(DynamoDbClient real, int writes) {
        AtomicInteger count = new AtomicInteger();
        Set<String> writeCalls = Set.of("putItem", "updateItem", "deleteItem");
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (writeCalls.contains(method.getName()) && count.incrementAndGet() > writes
                            || count.get() > writes && !method.getName().equals("close")) {
                        throw SdkClientException.create("injected fault: DynamoDB unreachable");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theFaultInjectorReallyFails() {
        DynamoDbClient flaky = failingAfter(aws.dynamo(), 0);
        try {
            flaky.putItem(b -> b.tableName(env.required("IDEMPOTENCY_TABLE"))
                    .item(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))));
            throw new AssertionError("expected the injected fault");
        } catch (SdkClientException expected) {
            assertTrue(expected.getMessage().contains("injected"));
        }
    }
}
