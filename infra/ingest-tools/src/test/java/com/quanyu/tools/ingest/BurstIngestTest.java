package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.ingest.IngestStreamHandler;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.FaultInjectingInterceptor;
import com.quanyu.shared.testing.KinesisEventSourceMapping;
import com.quanyu.shared.testing.StandIns;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A peak on loopback HTTP, bounded in time: the generator's events (10 % sent twice) offered at ten
 * times the steady rate (the synchronous path's 163 events/s in docs/BENCHMARKS.md, so 1,630
 * events/s) for a fixed period (2 s of events), while the shared {@link FaultInjectingInterceptor}
 * throttles 70 % of the consumer's DynamoDB attempts for its first 10 s of the peak, so the backlog
 * builds up under throttling. One batch before the peak warms the API and the consumer, as the
 * steady traffic before a real peak does. Expected: every request accepted
 * (a 429 with retry-after is allowed only from a full buffer, and is retried), no 5xx; after the
 * backlog drains every accepted record was folded and every profile equals the ground truth.
 *
 * <p>Tagged {@code burst} and left out of the default build (a load test belongs beside the
 * benchmarks). Run it with {@code ./mvnw -pl infra/ingest-tools -am verify -Dquanyu.excludedGroups=
 * -Dtest=BurstIngestTest -Dsurefire.failIfNoSpecifiedTests=false}; the system
 * properties {@code quanyu.burst.rate} (events/s), {@code quanyu.burst.seconds} (the period),
 * {@code quanyu.burst.throttledSeconds} and {@code quanyu.burst.drainLimitSeconds} (how long the backlog may take) change its size.
 */
@Tag("burst")
@ExtendWith(AwsStandInsExtension.class)
class BurstIngestTest {
    /** The synchronous path's measured steady rate (docs/BENCHMARKS.md, Ingestion). */
    private static final int STEADY_EVENTS_PER_SECOND = 163;

    private static final int EVENTS_PER_SECOND = Integer.getInteger("quanyu.burst.rate", 10 * STEADY_EVENTS_PER_SECOND);
    private static final int PERIOD_SECONDS = Integer.getInteger("quanyu.burst.seconds", 2);
    private static final Duration DRAIN_LIMIT =
            Duration.ofSeconds(Integer.getInteger("quanyu.burst.drainLimitSeconds", 300));
    /** The consumer's DynamoDB is throttled for this long from its first invocation of the peak. */
    private static final Duration THROTTLED =
            Duration.ofSeconds(Integer.getInteger("quanyu.burst.throttledSeconds", 10));
    /** The generator's events per customer over 40 days (about 19), to size the data to the period. */
    private static final int EVENTS_PER_CUSTOMER = 19;

    private static final int BATCH = 50;
    private static final int THREADS = 8;

    private final StandIns aws;

    BurstIngestTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void aTenfoldPeakWithThrottledDynamoDbLosesNothingAndCountsExactly() throws Exception {
        int customers = Math.max(20, EVENTS_PER_SECOND * PERIOD_SECONDS * 10 / 11 / EVENTS_PER_CUSTOMER);
        DemoDataset data = DemoData.generate(new DemoConfig(20261201, customers, LocalDate.of(2026, 10, 20), 40, 0.03));
        Env env = aws.envFor("IngestFunction");
        SourceRegistry sources = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"));
        Map<String, String> keys = new LinkedHashMap<>();
        data.events()
                .forEach(e -> keys.computeIfAbsent(
                        e.source().channel(),
                        c -> sources.register("burst " + c, c).writeKey()));
        ConcurrentLinkedQueue<Map.Entry<String, List<ObjectNode>>> work = work(data);
        int requests = work.size();

        // The consumer's DynamoDB is throttled (as a table at its limit answers) at the start of the peak;
        // the SDK retries each attempt, and a call whose retries all fail fails the batch, which is delivered again.
        FaultInjectingInterceptor throttling = FaultInjectingInterceptor.builder()
                .share(0.7)
                .seed(16)
                .faults(FaultInjectingInterceptor.Fault.THROTTLE)
                .build();
        Env consumerEnv = aws.envFor("IngestStreamFunction");
        DynamoDbClient throttled = AwsClients.dynamoDb(consumerEnv, List.of(throttling));
        IngestStreamHandler consumer = new IngestStreamHandler(consumerEnv, throttled, aws.s3());
        AtomicLong folded = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        AtomicLong peakStart = new AtomicLong();
        AtomicLong throttleStart = new AtomicLong();
        AtomicLong throttleEnd = new AtomicLong();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (LocalHttpApi api = LocalHttpApi.serve(new IngestApiHandler(env, aws.dynamo(), aws.s3()));
                KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(
                        aws.kinesis(), env.required(IngestApiHandler.STREAM), 1000, ShardIteratorType.LATEST, event -> {
                            if (peakStart.get() != 0 && throttleStart.compareAndSet(0, System.nanoTime())) {
                                throttling.arm();
                                clock.schedule(
                                        () -> {
                                            throttling.disarm();
                                            throttleEnd.set(System.nanoTime());
                                        },
                                        THROTTLED.toMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                            consumer.handleRequest(event, null);
                            folded.addAndGet(event.getRecords().size());
                        })) {
            mapping.start(Duration.ofMillis(100));
            HttpClient http = HttpClient.newHttpClient();
            var warmup = work.poll();
            accepted.addAndGet(
                    post(http, api.baseUrl(), keys.get(warmup.getKey()), warmup.getValue(), serverErrors, full));
            for (long until = System.nanoTime() + DRAIN_LIMIT.toNanos();
                    folded.get() < accepted.get() && System.nanoTime() < until; ) {
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            peakStart.set(start);
            long nanosPerRequest = 1_000_000_000L * BATCH / EVENTS_PER_SECOND;
            AtomicLong slot = new AtomicLong();
            AtomicLong backlogPeak = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(pool.submit(() -> {
                    for (var item = work.poll(); item != null; item = work.poll()) {
                        long due = start + slot.getAndIncrement() * nanosPerRequest;
                        Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                        accepted.addAndGet(post(
                                http, api.baseUrl(), keys.get(item.getKey()), item.getValue(), serverErrors, full));
                        backlogPeak.accumulateAndGet(accepted.get() - folded.get(), Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            long sent = System.nanoTime();
            double sendSeconds = (sent - start) / 1e9;
            long backlogAtEnd = accepted.get() - folded.get();
            long offered = accepted.get() - warmup.getValue().size();
            while (folded.get() < accepted.get() && System.nanoTime() - sent < DRAIN_LIMIT.toNanos()) {
                Thread.sleep(20);
            }
            long drained = System.nanoTime();
            double drainSeconds = (drained - sent) / 1e9;
            double afterThrottling = throttleEnd.get() == 0 ? 0 : (drained - throttleEnd.get()) / 1e9;
            System.out.printf(
                    "burst: offered %d events/s for %d s: %d requests, %d events accepted in %.1f s (%.0f events/s"
                            + " achieved); 5xx %d, 429 %d; DynamoDB attempts throttled %d of %d (for %d s from %.1f s),"
                            + " consumer invocations failed and retried %d; backlog peak %d, %d at the last answer,"
                            + " drained %.1f s after it (%.1f s after throttling ended); %d of %d accepted records folded%n",
                    EVENTS_PER_SECOND,
                    PERIOD_SECONDS,
                    requests - 1,
                    offered,
                    sendSeconds,
                    offered / sendSeconds,
                    serverErrors.get(),
                    full.get(),
                    throttling.injected(),
                    throttling.calls(),
                    THROTTLED.toSeconds(),
                    throttleStart.get() == 0 ? -1 : (throttleStart.get() - start) / 1e9,
                    mapping.failedInvocations(),
                    backlogPeak.get(),
                    backlogAtEnd,
                    drainSeconds,
                    afterThrottling,
                    folded.get(),
                    accepted.get());
            assertEquals(0, serverErrors.get(), "no 5xx during the peak");
            assertEquals(
                    accepted.get(),
                    folded.get(),
                    "every accepted event reached the consumer and was folded within " + DRAIN_LIMIT.toSeconds()
                            + " s");
            assertTrue(throttling.injected() > 0, "the throttling must actually have hit the consumer");
        } finally {
            clock.shutdownNow();
            throttled.close();
        }
        int merged = GroundTruth.assertProfilesMatch(
                data, CustomerStores.fromEnv(env, aws.dynamo(), aws.s3()).profiles());
        System.out.printf(
                "burst: all %d people's profiles equal the ground truth (%d absorbed a merge)%n",
                data.truth().size(), merged);
        assertTrue(merged >= 5, "the data must force merges; profiles with merges: " + merged);
    }

    /** The events with 10 % repeated, shuffled, in per-channel batches. */
    private static ConcurrentLinkedQueue<Map.Entry<String, List<ObjectNode>>> work(DemoDataset data) {
        Random random = new Random(11);
        List<DemoDataset.SourcedEvent> sends = new ArrayList<>(data.events());
        for (int i = 0; i < data.events().size() / 10; i++) {
            sends.add(data.events().get(random.nextInt(data.events().size())));
        }
        Collections.shuffle(sends, random);
        Map<String, List<ObjectNode>> open = new LinkedHashMap<>();
        ConcurrentLinkedQueue<Map.Entry<String, List<ObjectNode>>> work = new ConcurrentLinkedQueue<>();
        for (DemoDataset.SourcedEvent e : sends) {
            List<ObjectNode> batch = open.computeIfAbsent(e.source().channel(), c -> new ArrayList<>());
            batch.add(e.event());
            if (batch.size() == BATCH) {
                work.add(Map.entry(e.source().channel(), List.copyOf(batch)));
                batch.clear();
            }
        }
        open.forEach((channel, rest) -> {
            if (!rest.isEmpty()) {
                work.add(Map.entry(channel, List.copyOf(rest)));
            }
        });
        return work;
    }

    /**
     * Posts one batch until it is accepted, as an SDK does: a 429 is retried after its retry-after; a
     * 5xx is counted (the test fails on any) and retried; returns the accepted count.
     */
    private static long post(
            HttpClient http,
            String baseUrl,
            String writeKey,
            List<ObjectNode> events,
            AtomicInteger serverErrors,
            AtomicInteger full)
            throws Exception {
        ObjectNode body = Json.object();
        body.putArray("batch").addAll(events);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/batch"))
                .header("content-type", "application/json")
                .header(
                        "authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        for (int attempt = 0; attempt < 20; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Json.parse(response.body()).get("accepted").asLong();
            }
            if (response.statusCode() == 429
                    && response.headers().firstValue("retry-after").isPresent()) {
                full.incrementAndGet();
                Thread.sleep(1000L
                        * Integer.parseInt(
                                response.headers().firstValue("retry-after").get()));
                continue;
            }
            if (response.statusCode() < 500) {
                throw new AssertionError("batch refused: " + response.statusCode() + " " + response.body());
            }
            serverErrors.incrementAndGet();
            Thread.sleep(1000);
        }
        throw new AssertionError("batch still refused after 20 attempts");
    }
}
