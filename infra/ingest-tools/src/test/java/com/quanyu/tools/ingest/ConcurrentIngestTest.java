package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 8 threads send the generator's events in shuffled batches, with 10 % of the messages sent a
 * second time from another batch; people's identities arrive on different channels in any order,
 * so profiles must merge while other threads write them. Afterwards every identifier of a person
 * resolves to one profile whose counters equal the generator's ground truth.
 */
@ExtendWith(AwsStandInsExtension.class)
class ConcurrentIngestTest {
    private static final int THREADS = 8;
    private static final int BATCH = 20;

    private final StandIns aws;

    ConcurrentIngestTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void countersEqualTheGroundTruthUnderConcurrentDuplicatedOverlappingWrites() throws Exception {
        DemoDataset data = DemoData.generate(new DemoConfig(20261129, 40, LocalDate.of(2026, 10, 20), 40, 0.03));
        // the synchronous write path; BurstIngestTest runs the buffered one against ground truth
        Env env = aws.envFor("IngestFunction").with(java.util.Map.of(IngestApiHandler.STREAM, ""));
        SourceRegistry sources = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"));
        Map<String, String> keys = new LinkedHashMap<>();
        data.events()
                .forEach(e -> keys.computeIfAbsent(
                        e.source().channel(),
                        c -> sources.register("demo " + c, c).writeKey()));

        Random random = new Random(7);
        List<DemoDataset.SourcedEvent> sends = new ArrayList<>(data.events());
        int duplicates = data.events().size() / 10;
        for (int i = 0; i < duplicates; i++) {
            sends.add(data.events().get(random.nextInt(data.events().size())));
        }
        Collections.shuffle(sends, random);
        Map<String, List<ObjectNode>> byChannel = new LinkedHashMap<>();
        ConcurrentLinkedQueue<Map.Entry<String, List<ObjectNode>>> work = new ConcurrentLinkedQueue<>();
        for (DemoDataset.SourcedEvent e : sends) {
            List<ObjectNode> batch = byChannel.computeIfAbsent(e.source().channel(), c -> new ArrayList<>());
            batch.add(e.event());
            if (batch.size() == BATCH) {
                work.add(Map.entry(e.source().channel(), List.copyOf(batch)));
                batch.clear();
            }
        }
        byChannel.forEach((channel, rest) -> {
            if (!rest.isEmpty()) {
                work.add(Map.entry(channel, List.copyOf(rest)));
            }
        });

        IngestClient client = new IngestClient(new IngestApiHandler(env, aws.dynamo(), aws.s3()));
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(pool.submit(() -> {
                for (var item = work.poll(); item != null; item = work.poll()) {
                    APIGatewayV2HTTPResponse response = client.send(keys.get(item.getKey()), item.getValue());
                    if (response.getStatusCode() != 200) {
                        failures.incrementAndGet();
                        System.err.println(response.getStatusCode() + " " + response.getBody());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        assertEquals(0, failures.get(), "every batch is eventually accepted");

        int merged = GroundTruth.assertProfilesMatch(
                data, CustomerStores.fromEnv(env, aws.dynamo(), aws.s3()).profiles());
        assertTrue(merged >= 5, "the data must force merges; profiles with merges: " + merged);
    }
}
