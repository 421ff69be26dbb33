package com.quanyu.eval.scoring;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.SqsEventSourceMapping;
import com.quanyu.shared.testing.SqsStandIn;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.train.ScoresWriter;
import com.quanyu.train.TrainingJob;
import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.batch.ScoringModels;
import com.quanyu.train.batch.ScoringShard;
import com.quanyu.train.batch.ShardScoring;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.store.SqsShardQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-shard throughput of batch scoring, on the stand-ins (dynalite, S3Proxy, ElasticMQ): generator
 * customers become stored profiles (built from their events as ingestion would), the training job
 * publishes propensity and segments and queues a scoring run of {@code shards} shards, and one
 * worker scores the shards one after another through the queue, as one Lambda invocation each.
 * Prints each shard's profiles/s, the DynamoDB requests per profile and the average item size,
 * the inputs of the cost per million profiles (docs/BENCHMARKS.md).
 *
 * <p>Usage: {@code ScoreShardBench [customers=20000] [shards=4] [days=35] [seed=5]}
 */
public final class ScoreShardBench {
    private ScoreShardBench() {}

    public static void main(String[] args) throws Exception {
        EvalLogging.quiet();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 35;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 5;
        EventHistory history = ScoreLatencyBench.historyOf(DemoData.generate(DemoConfig.of(seed, customers, days)));
        System.out.printf(Locale.ROOT, "%d events of %d profiles%n", history.eventCount(), history.profileCount());
        try (StandIns aws = StandIns.start(Optional.empty());
                SqsStandIn sqs = SqsStandIn.start()) {
            var env = aws.envFor("ScoreShardsFunction");
            String table = env.required("PROFILES_TABLE");
            var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
            Map<String, String> queues = sqs.createQueues(aws.template());
            String queueName = SqsStandIn.queueName(aws.template(), "ScoreShardsQueue");

            long t0 = System.nanoTime();
            var repository = new DynamoProfileRepository(aws.dynamo(), table);
            history.all().entrySet().parallelStream()
                    .forEach(e -> repository.save(ScoreLatencyBench.profileOf(e.getKey(), e.getValue()), 0));
            int stored = history.profileCount();
            System.out.printf(Locale.ROOT, "stored %d profiles in %.1f s%n", stored, secs(t0));

            int itemsPerShard = (stored + shards - 1) / shards;
            var fanOut = new ScoringFanOut(
                    new SqsShardQueue(sqs.client(), queueName), () -> stored, itemsPerShard, Clock.systemUTC());
            long t1 = System.nanoTime();
            var report = new TrainingJob(
                            registry,
                            () -> new HistoryFeatures(history, PersonSample.all(), "demo generator seed " + seed),
                            Map::of,
                            fanOut,
                            PropensityTraining.defaults(40_000),
                            Clock.systemUTC(),
                            "bench",
                            0.002)
                    .run(Set.of(PropensityTraining.KIND, TrainingJob.SEGMENTS));
            System.out.printf(
                    Locale.ROOT,
                    "trained propensity + segments and queued run %s (%d shards) in %.1f s%n",
                    report.scoring().run(),
                    report.scoring().shards(),
                    secs(t1));

            Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
            ExecutionInterceptor counter = new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    requests.computeIfAbsent(
                                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                                    k -> new AtomicLong())
                            .incrementAndGet();
                }
            };
            DynamoDbClient dynamo = AwsClients.dynamoDb(aws.baseEnv(), List.of(counter));
            var counted = new DynamoProfileRepository(dynamo, table);
            ShardScoring scoring = new ShardScoring(
                    (segment, total, consumer) ->
                            counted.forEachLive(segment, total, scored -> consumer.accept(scored.profile())),
                    new ScoresWriter(counted, env.intValue("SCORE_WRITE_THREADS", 16)),
                    new ScoringModels(registry),
                    Clock.systemUTC());
            List<ShardScoring.ShardReport> reports = new ArrayList<>();
            long t2 = System.nanoTime();
            try (var mapping = new SqsEventSourceMapping(sqs.client(), queues.get("ScoreShardsQueue"), 1, event -> {
                event.getRecords().forEach(m -> reports.add(scoring.score(ScoringShard.fromJson(m.getBody()))));
                return null;
            })) {
                mapping.drain();
            }
            double total = secs(t2);
            long profiles = 0;
            for (ShardScoring.ShardReport r : reports) {
                profiles += r.profiles();
                System.out.printf(
                        Locale.ROOT,
                        "  shard %d/%d: %d profiles in %.1f s = %.0f profiles/s (written %d, already %d)%n",
                        r.segment(),
                        r.totalSegments(),
                        r.profiles(),
                        r.seconds(),
                        r.profilesPerSecond(),
                        r.written(),
                        r.alreadyScored());
            }
            System.out.printf(
                    Locale.ROOT,
                    "all %d shards one after another: %d profiles in %.1f s = %.0f profiles/s%n",
                    reports.size(),
                    profiles,
                    total,
                    profiles / total);
            long perProfile = Math.max(1, profiles);
            requests.forEach((op, n) -> System.out.printf(
                    Locale.ROOT,
                    "  DynamoDB %-10s %8d requests (%.3f per profile)%n",
                    op,
                    n.get(),
                    n.get() / (double) perProfile));
            System.out.printf(
                    Locale.ROOT,
                    "average profile item size (DynamoDB's rule: names + values) %.0f bytes over %d items%n",
                    averageItemSize(aws.dynamo(), table),
                    Math.min(500, stored));
        }
    }

    /** DynamoDB's item size (attribute names plus values) of the first stored profile items. */
    private static double averageItemSize(DynamoDbClient dynamo, String table) {
        long bytes = 0;
        int items = 0;
        for (var item : dynamo.scan(b -> b.tableName(table).limit(500)).items()) {
            bytes += size(item);
            items++;
        }
        return items == 0 ? 0 : bytes / (double) items;
    }

    private static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (var e : item.entrySet()) {
            bytes += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + size(e.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return v.n().length() / 2 + 1;
        }
        if (v.hasM()) {
            return 3 + size(v.m());
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToLong(ScoreShardBench::size).sum();
        }
        if (v.hasSs()) {
            return v.ss().stream()
                    .mapToLong(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .sum();
        }
        return 1;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
