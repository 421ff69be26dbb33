package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.testing.Concurrently;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reliability suite (c): a bounded load on loopback through the local runtime's gateway.
 * {@code load.senders} threads each post {@code load.batches} batches of 20 events to
 * {@code /v1/batch}; every batch is also sent by a second sender (duplicates), and each person's
 * anonymous visits are joined to their userId mid-run (merges). Counters must come out exact; the
 * test prints request count, 5xx and the p50/p99 latency. Defaults are CI-sized; raise them with
 * {@code -Dload.senders=16 -Dload.batches=50} for a bigger run.
 */
@ExtendWith(LocalRuntimeExtension.class)
class LoopbackLoadTest {
    private static final int EVENTS_PER_BATCH = 20;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalRuntime runtime;

    LoopbackLoadTest(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    @Test
    void concurrentSendersWithDuplicatesAndMergesGetExactCounters() throws Exception {
        int senders = Integer.getInteger("load.senders", 6);
        int batches = Integer.getInteger("load.batches", 6);
        Env env = runtime.platform().standIns().envFor("IngestFunction");
        String writeKey = new SourceRegistry(runtime.platform().standIns().dynamo(), env.required("SOURCES_TABLE"))
                .register("load", "web")
                .writeKey();
        String auth = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        // Sender s sends its own batches and then sender (s+1)'s again: every batch arrives twice.
        Concurrently.run(senders, sender -> {
            for (int round = 0; round < 2; round++) {
                int owner = (sender + round) % senders;
                for (int b = 0; b < batches; b++) {
                    String body = batch(run, owner, b);
                    int status;
                    do {
                        long started = System.nanoTime();
                        HttpResponse<String> response = HTTP.send(
                                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/v1/batch"))
                                        .timeout(Duration.ofSeconds(60))
                                        .header("content-type", "application/json")
                                        .header("authorization", auth)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add((System.nanoTime() - started) / 1_000);
                        requests.incrementAndGet();
                        status = response.statusCode();
                        if (status >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        if (status == 503) {
                            // another sender holds the same messages right now: retry as SDKs do
                            retried.incrementAndGet();
                            Thread.sleep(100);
                        }
                    } while (status == 503);
                    assertEquals(200, status);
                }
            }
        });
        runtime.deliverStreams(); // accepted means buffered; the stream's consumer folds the rest now
        CustomerStores stores = CustomerStores.fromEnv(
                env,
                runtime.platform().standIns().dynamo(),
                runtime.platform().standIns().s3());
        long counted = 0;
        for (int owner = 0; owner < senders; owner++) {
            for (int person = 0; person < 2; person++) {
                Profile profile = stores.profiles()
                        .resolve("user_id:" + run + "-u-" + owner + "-" + person)
                        .orElseThrow();
                assertEquals(
                        profile.profileId(),
                        stores.profiles()
                                .resolve("anonymous_id:" + run + "-a-" + owner + "-" + person)
                                .orElseThrow()
                                .profileId(),
                        "merged");
                counted += profile.counters().events();
            }
        }
        long expected = (long) senders * batches * EVENTS_PER_BATCH;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2) / 1000;
        long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000;
        System.out.printf(
                "LOAD senders=%d requests=%d events=%d counted=%d lost=%d 503retries=%d other5xx=%d p50Ms=%d p99Ms=%d%n",
                senders,
                requests.get(),
                expected,
                counted,
                expected - counted,
                retried.get(),
                serverErrors.get() - retried.get(),
                p50,
                p99);
        assertEquals(expected, counted, "every distinct event counted exactly once");
        assertEquals(retried.get(), serverErrors.get(), "the only 5xx are in-flight 503s");
        assertTrue(p99 > 0);
    }

    /** 20 events of two people; the first batch of each person joins their anonymousId to a userId. */
    private static String batch(String run, int owner, int b) {
        StringBuilder out = new StringBuilder("{\"batch\":[");
        for (int e = 0; e < EVENTS_PER_BATCH; e++) {
            int person = e % 2;
            String ids = e < 2 && b == 1
                    ? "\"anonymousId\":\"" + run + "-a-" + owner + "-" + person + "\",\"userId\":\"" + run + "-u-"
                            + owner + "-" + person + "\""
                    : b == 0 || e % 4 < 2
                            ? "\"anonymousId\":\"" + run + "-a-" + owner + "-" + person + "\""
                            : "\"userId\":\"" + run + "-u-" + owner + "-" + person + "\"";
            out.append(e == 0 ? "" : ",")
                    .append("{\"type\":\"track\",\"event\":\"Product Viewed\",")
                    .append(ids)
                    .append(",\"properties\":{\"sku\":\"SKU-")
                    .append(e)
                    .append("\"},\"messageId\":\"")
                    .append(run)
                    .append('-')
                    .append(owner)
                    .append('-')
                    .append(b)
                    .append('-')
                    .append(e)
                    .append("\"}");
        }
        return out.append("]}").toString();
    }
}
