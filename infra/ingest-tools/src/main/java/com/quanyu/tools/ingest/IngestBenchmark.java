package com.quanyu.tools.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.ingest.IngestStreamHandler;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.KinesisEventSourceMapping;
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
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Throughput and cost of {@code POST /v1/batch} with 500 events through the real handlers, against
 * the local stand-ins (dynalite, S3Proxy, kinesalite), both write paths side by side on fresh tables
 * with the same requests: synchronous (the pipeline inside the request) and buffered (the API puts
 * into the stream; the consumer folds the stream in the template's batch size). Per event: handler
 * CPU microseconds (request thread plus the pipeline's lane threads; the stand-ins' CPU and the event
 * source mapping's polling are not counted), DynamoDB write and read requests; beside it the baseline
 * of only parsing and re-serialising the same request bodies with Jackson.
 *
 * <pre>
 * ... com.quanyu.tools.ingest.IngestBenchmark --batches 20 --warmup 3 --seed 42
 * </pre>
 */
public final class IngestBenchmark {
    private static final int BATCH = 500;

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args);
        int batches = options.intValue("batches", 20);
        int warmup = options.intValue("warmup", 3);
        long seed = options.longValue("seed", 42);
        List<String> bodies = bodies(seed, batches + warmup);
        System.out.printf(
                "%d batches of %d web/app events (%d warm-up), %.0f KB per request on average%n",
                batches,
                BATCH,
                warmup,
                bodies.stream()
                                .mapToInt(b -> b.getBytes(StandardCharsets.UTF_8).length)
                                .average()
                                .orElse(0)
                        / 1024);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long events = (long) batches * BATCH;
        Cost direct = synchronous(bodies, warmup, threads);
        Cost buffered = buffered(bodies, warmup, threads);
        Baseline baseline = jacksonBaseline(bodies.subList(warmup, bodies.size()), threads);
        System.out.printf("synchronous: %s%n", direct.describe(events));
        System.out.printf("buffered:    %s%n", buffered.describe(events));
        System.out.printf(
                "baseline:    Jackson parse + re-serialise only: %.0f events/s, %.1f CPU us/event%n",
                baseline.eventsPerSecond(), baseline.cpuMicrosPerEvent());
        System.out.printf(
                "ratios:      CPU vs baseline: synchronous %.0fx, buffered %.0fx (API %.0fx + consumer %.0fx);"
                        + " buffered/synchronous CPU %.2f, write requests %.2f, read requests %.2f%n",
                direct.cpuMicros(events) / baseline.cpuMicrosPerEvent(),
                buffered.cpuMicros(events) / baseline.cpuMicrosPerEvent(),
                buffered.apiCpuNanos / 1e3 / events / baseline.cpuMicrosPerEvent(),
                buffered.consumerCpuNanos / 1e3 / events / baseline.cpuMicrosPerEvent(),
                buffered.cpuMicros(events) / direct.cpuMicros(events),
                (double) buffered.writes / direct.writes,
                (double) buffered.reads / direct.reads);
    }

    /** What one write path cost for the measured batches. */
    private record Cost(
            double seconds,
            long apiCpuNanos,
            long consumerCpuNanos,
            long writes,
            long writtenItems,
            long reads,
            long accepted,
            long profiles) {
        double cpuMicros(long events) {
            return (apiCpuNanos + consumerCpuNanos) / 1e3 / events;
        }

        String describe(long events) {
            return String.format(
                    "%.0f events/s, %.0f CPU us/event (API %.0f + consumer %.0f), DynamoDB per event: %.2f item writes"
                            + " in %.2f write requests, %.2f read requests; %d accepted of %d, %d profiles",
                    events / seconds,
                    cpuMicros(events),
                    apiCpuNanos / 1e3 / events,
                    consumerCpuNanos / 1e3 / events,
                    (double) writtenItems / events,
                    (double) writes / events,
                    (double) reads / events,
                    accepted,
                    events,
                    profiles);
        }
    }

    /** The pipeline inside the request (no INGEST_STREAM): the design before the buffer. */
    private static Cost synchronous(List<String> bodies, int warmup, ThreadMXBean threads) throws Exception {
        try (StandIns aws = StandIns.start(Optional.empty())) {
            Env env = aws.envFor("IngestFunction").with(Map.of(IngestApiHandler.STREAM, ""));
            CountingDynamoDb dynamo = new CountingDynamoDb(aws.dynamo());
            IngestApiHandler handler = new IngestApiHandler(env, dynamo.client, aws.s3());
            String key = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                    .register("Bench", "web")
                    .writeKey();
            for (int i = 0; i < warmup; i++) {
                send(handler, key, bodies.get(i));
            }
            HandlerCpu cpu = HandlerCpu.start(threads);
            long writes = dynamo.writes.get(), items = dynamo.writtenItems.get(), reads = dynamo.reads.get();
            long start = System.nanoTime();
            long accepted = 0;
            for (int i = warmup; i < bodies.size(); i++) {
                accepted += Json.parse(send(handler, key, bodies.get(i)).getBody())
                        .get("accepted")
                        .asLong();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Cost(
                    seconds,
                    cpu.nanos(),
                    0,
                    dynamo.writes.get() - writes,
                    dynamo.writtenItems.get() - items,
                    dynamo.reads.get() - reads,
                    accepted,
                    profiles(aws, env));
        }
    }

    /**
     * The deployed path: the API puts each request into the stream (kinesalite), then the consumer folds
     * the stream in batches of the template's size, invoked as the event source mapping would.
     */
    private static Cost buffered(List<String> bodies, int warmup, ThreadMXBean threads) throws Exception {
        try (StandIns aws = StandIns.start(Optional.empty())) {
            Env env = aws.envFor("IngestFunction");
            CountingDynamoDb dynamo = new CountingDynamoDb(aws.dynamo());
            IngestApiHandler handler = new IngestApiHandler(env, dynamo.client, aws.s3());
            IngestStreamHandler consumer =
                    new IngestStreamHandler(aws.envFor("IngestStreamFunction"), dynamo.client, aws.s3());
            int batchSize = aws.functions().stream()
                    .filter(f -> f.logicalId().equals("IngestStreamFunction"))
                    .findFirst()
                    .orElseThrow()
                    .streams()
                    .get(0)
                    .batchSize();
            long[] consumerCpu = {0};
            KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(
                    aws.kinesis(),
                    env.required(IngestApiHandler.STREAM),
                    batchSize,
                    ShardIteratorType.TRIM_HORIZON,
                    event -> {
                        HandlerCpu cpu = HandlerCpu.start(threads);
                        consumer.handleRequest(event, null);
                        consumerCpu[0] += cpu.nanos();
                    });
            String key = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                    .register("Bench", "web")
                    .writeKey();
            for (int i = 0; i < warmup; i++) {
                send(handler, key, bodies.get(i));
            }
            mapping.drain();
            consumerCpu[0] = 0;
            long apiCpu = 0;
            long writes = dynamo.writes.get(), items = dynamo.writtenItems.get(), reads = dynamo.reads.get();
            long start = System.nanoTime();
            long accepted = 0;
            for (int i = warmup; i < bodies.size(); i++) {
                long before = threads.getCurrentThreadCpuTime();
                accepted += Json.parse(send(handler, key, bodies.get(i)).getBody())
                        .get("accepted")
                        .asLong();
                apiCpu += threads.getCurrentThreadCpuTime() - before;
            }
            mapping.drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Cost(
                    seconds,
                    apiCpu,
                    consumerCpu[0],
                    dynamo.writes.get() - writes,
                    dynamo.writtenItems.get() - items,
                    dynamo.reads.get() - reads,
                    accepted,
                    profiles(aws, env));
        }
    }

    /** Live profile items: both paths must build the same number from the same events. */
    private static long profiles(StandIns aws, Env env) {
        return aws.dynamo().scanPaginator(b -> b.tableName(env.required("PROFILES_TABLE"))).items().stream()
                .filter(i -> "profile".equals(i.get("sk").s()) && !i.containsKey("mergedInto"))
                .count();
    }

    private record Baseline(double eventsPerSecond, double cpuMicrosPerEvent) {}

    private static Baseline jacksonBaseline(List<String> bodies, ThreadMXBean threads) throws Exception {
        for (int round = 0; round < 5; round++) { // warm the JIT the same way the handler was warmed
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

    /**
     * CPU of the calling thread and of the pipeline's lane threads since {@link #start}, per thread:
     * a lane thread that ends meanwhile (the lanes are a cached pool: idle threads end after 60 s)
     * must not take its whole lifetime's CPU out of the sum, and one started meanwhile counts from 0.
     */
    private static final class HandlerCpu {
        private final ThreadMXBean threads;
        private final long caller;
        private final Map<Long, Long> lanesBefore;

        private HandlerCpu(ThreadMXBean threads) {
            this.threads = threads;
            this.caller = threads.getCurrentThreadCpuTime();
            this.lanesBefore = laneCpu(threads);
        }

        static HandlerCpu start(ThreadMXBean threads) {
            return new HandlerCpu(threads);
        }

        long nanos() {
            long total = threads.getCurrentThreadCpuTime() - caller;
            for (var lane : laneCpu(threads).entrySet()) {
                total += lane.getValue() - lanesBefore.getOrDefault(lane.getKey(), 0L);
            }
            return total;
        }

        private static Map<Long, Long> laneCpu(ThreadMXBean threads) {
            Map<Long, Long> cpu = new java.util.HashMap<>();
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(EventPipeline.LANE_THREAD_PREFIX)) {
                    long nanos = threads.getThreadCpuTime(info.getThreadId());
                    if (nanos >= 0) {
                        cpu.put(info.getThreadId(), nanos);
                    }
                }
            }
            return cpu;
        }
    }

    private static APIGatewayV2HTTPResponse send(IngestApiHandler handler, String key, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST")
                .withPath("/v1/batch")
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /v1/batch")
                .withRawPath("/v1/batch")
                .withHeaders(Map.of(
                        "content-type",
                        "application/json",
                        "authorization",
                        "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8))))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(http)
                        .withRequestId("bench")
                        .build())
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
