package com.quanyu.tools.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.StandIns;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Throughput and cost of {@code POST /v1/batch} with 500 events through the real handler, against
 * the local stand-ins (dynalite, S3Proxy): events per second, handler CPU microseconds per event
 * (the request thread plus the pipeline's lane threads; the stand-ins' CPU is not counted), DynamoDB
 * write and read requests per event; beside it the baseline of only parsing and re-serialising the
 * same request bodies with Jackson.
 *
 * <pre>
 * ... com.quanyu.tools.ingest.IngestBenchmark --batches 20 --warmup 3 --seed 42
 * </pre>
 */
public final class IngestBenchmark {
    private static final int BATCH = 500;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args);
        int batches = options.intValue("batches", 20);
        int warmup = options.intValue("warmup", 3);
        long seed = options.longValue("seed", 42);
        List<String> bodies = bodies(seed, batches + warmup);
        System.out.printf("%d batches of %d web/app events (%d warm-up), %.0f KB per request on average%n", batches, BATCH, warmup,
                bodies.stream().mapToInt(b -> b.getBytes(StandardCharsets.UTF_8).length).average().orElse(0) / 1024);
        try (StandIns aws = StandIns.start(Optional.empty())) {
            Env env = aws.envFor("IngestFunction");
            CountingDynamoDb dynamo = new CountingDynamoDb(aws.dynamo());
            IngestApiHandler handler = new IngestApiHandler(env, dynamo.client, aws.s3());
            String key = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE")).register("Bench", "web").writeKey();
            for (int i = 0; i < warmup; i++) {
                send(handler, key, bodies.get(i));
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = handlerCpuNanos(threads);
            long writesBefore = dynamo.writes.get();
            long itemsBefore = dynamo.writtenItems.get();
            long readsBefore = dynamo.reads.get();
            long start = System.nanoTime();
            long accepted = 0;
            for (int i = warmup; i < bodies.size(); i++) {
                APIGatewayV2HTTPResponse response = send(handler, key, bodies.get(i));
                accepted += Json.parse(response.getBody()).get("accepted").asLong();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (handlerCpuNanos(threads) - cpuBefore) / 1e3;
            long events = (long) batches * BATCH;
            System.out.printf("handler:  %.0f events/s, %.1f ms per batch, %.0f CPU us/event, DynamoDB per event: %.2f item writes"
                            + " in %.2f write requests, %.2f read requests (accepted %d of %d)%n",
                    events / seconds, seconds * 1000 / batches, cpuMicros / events,
                    (double) (dynamo.writtenItems.get() - itemsBefore) / events,
                    (double) (dynamo.writes.get() - writesBefore) / events, (double) (dynamo.reads.get() - readsBefore) / events,
                    accepted, events);
            Baseline baseline = jacksonBaseline(bodies.subList(warmup, bodies.size()), threads);
            System.out.printf("baseline: Jackson parse + re-serialise only: %.0f events/s, %.1f CPU us/event%n",
                    baseline.eventsPerSecond(), baseline.cpuMicrosPerEvent());
            System.out.printf("ratio:    the handler costs %.0fx the CPU of parse + re-serialise%n",
                    (cpuMicros / events) / baseline.cpuMicrosPerEvent());
        }
    }

    private record Baseline(double eventsPerSecond, double cpuMicrosPerEvent) {
    }

    private static Baseline jacksonBaseline(List<String> bodies, ThreadMXBean threads) throws Exception {
        for (int round = 0; round < 5; round++) {  // warm the JIT the same way the handler was warmed
            for (String body : bodies) {
                Json.write(Json.parse(body));
            }
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long bytes = 0;
        for (String body : bodies) {
            JsonNode tree = Json.parse(body);
            bytes += Json.write(tree).length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3;
        long events = (long) bodies.size() * BATCH;
        if (bytes == 0) {
            throw new IllegalStateException("nothing serialised");
        }
        return new Baseline(events / seconds, micros / events);
    }

    /** CPU of the calling thread and of the pipeline's lane threads. */
    private static long handlerCpuNanos(ThreadMXBean threads) {
        long total = threads.getCurrentThreadCpuTime();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(EventPipeline.LANE_THREAD_PREFIX)) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static APIGatewayV2HTTPResponse send(IngestApiHandler handler, String key, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/v1/batch").build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /v1/batch").withRawPath("/v1/batch")
                .withHeaders(Map.of("content-type", "application/json", "authorization",
                        "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8))))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("bench").build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("batch failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response;
    }

    /** Request bodies of 500 web and app events each, from the demo generator (realistic identities and sizes). */
    static List<String> bodies(long seed, int count) {
        int customers = Math.max(200, count * 60);
        DemoDataset data = DemoData.generate(new DemoConfig(seed, customers, LocalDate.of(2026, 10, 1), 60, 0.03));
        List<String> bodies = new ArrayList<>();
        ObjectNode body = Json.object();
        ArrayNode batch = body.putArray("batch");
        for (DemoDataset.SourcedEvent e : data.events()) {
            if (!e.source().channel().equals("web") && !e.source().channel().equals("app")) {
                continue;
            }
            batch.add(e.event());
            if (batch.size() == BATCH) {
                body.put("sentAt", e.event().get("timestamp").asText());
                bodies.add(Json.write(body));
                if (bodies.size() == count) {
                    return bodies;
                }
                batch.removeAll();
            }
        }
        throw new IllegalStateException("the generated data holds only " + bodies.size() + " batches; raise customers");
    }
}
