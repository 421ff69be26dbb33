package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.quanyu.shared.customer.Identifier;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.SqsEventSourceMapping;
import com.quanyu.shared.testing.SqsStandIn;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.batch.ScoringModels;
import com.quanyu.train.batch.ScoringShard;
import com.quanyu.train.batch.ShardScoring;
import com.quanyu.train.segments.CustomerValue;
import com.quanyu.train.segments.RfmScores;
import com.quanyu.train.segments.Segmentation;
import com.quanyu.train.store.SqsShardQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Batch scoring fanned out over shards, on the stand-ins (dynalite, S3Proxy, ElasticMQ): the
 * coordinator queues one message per parallel-scan segment, workers score their segments through
 * the queue, and every live profile is scored exactly once per run, also when a shard message is
 * delivered twice or a worker fails half-way through a shard and SQS delivers it again.
 */
@ExtendWith(AwsStandInsExtension.class)
class ScoringFanOutTest {
    private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
    private static final int PEOPLE = 100;

    private static SqsStandIn sqs;

    private final StandIns aws;
    private final String table = "score-shards-test-" + System.nanoTime();
    private final String models = "score-shards-models-" + System.nanoTime();

    ScoringFanOutTest(StandIns aws) {
        this.aws = aws;
    }

    @BeforeAll
    static void startSqs() {
        sqs = SqsStandIn.start();
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @Test
    void everyProfileIsScoredExactlyOnceAcrossShardsDespiteARedeliveryAndACrashedWorker() throws Exception {
        createTable();
        aws.s3().createBucket(b -> b.bucket(models));
        Map<String, Profile> live = storeProfiles();
        String segmentsVersion = publishSegments();

        String dlq = "score-shards-test-dlq-" + System.nanoTime();
        sqs.createQueue(dlq, 30, null, 0);
        String queueName = "score-shards-test-" + System.nanoTime();
        String queueUrl = sqs.createQueue(queueName, 1, dlq, 3);

        var repository = new DynamoProfileRepository(aws.dynamo(), table);
        ShardScoring.ProfileSegments segments = (segment, total, consumer) ->
                repository.forEachLive(segment, total, scored -> consumer.accept(scored.profile()));
        var fanOut = new ScoringFanOut(
                new SqsShardQueue(sqs.client(), queueName), () -> live.size(), 100, Clock.systemUTC());
        var started = fanOut.start(AS_OF, Map.of(ScoringShard.SEGMENTS, segmentsVersion), 4);
        assertEquals(4, sqs.visibleMessages(queueUrl), "one message per shard");

        // Every write the workers make, and a worker that dies half-way through its first attempt at shard 1.
        AtomicInteger written = new AtomicInteger();
        AtomicInteger alreadyScored = new AtomicInteger();
        AtomicBoolean crashOnce = new AtomicBoolean(true);
        ScoresWriter writer = new ScoresWriter(repository, 4);
        ShardScoring.ScoreSink sink = (run, scores) -> {
            Map<String, ProfileScores> batch = scores;
            boolean crash = scores.size() > 1 && currentSegment.get() == 1 && crashOnce.get();
            if (crash) {
                crashOnce.set(false);
                Map<String, ProfileScores> half = new HashMap<>();
                scores.entrySet().stream().limit(scores.size() / 2).forEach(e -> half.put(e.getKey(), e.getValue()));
                batch = half;
            }
            ShardScoring.WriteCounts counts = writer.write(run, batch);
            written.addAndGet(counts.written());
            alreadyScored.addAndGet(counts.alreadyScored());
            if (crash) {
                throw new IllegalStateException("worker died half-way through shard 1");
            }
            return counts;
        };
        ShardScoring scoring = new ShardScoring(
                segments, sink, new ScoringModels(ModelRegistry.of(aws.s3(), models)), Clock.systemUTC());
        List<ShardScoring.ShardReport> reports = new CopyOnWriteArrayList<>();
        try (var mapping = new SqsEventSourceMapping(sqs.client(), queueUrl, 1, event -> {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                ScoringShard shard = ScoringShard.fromJson(message.getBody());
                currentSegment.set(shard.segment());
                reports.add(scoring.score(shard));
            }
            return null;
        })) {
            mapping.drain();
            assertEquals(1, mapping.failedMessages(), "the crashed shard is left on the queue");
            Thread.sleep(1_500); // its visibility timeout (1 s) passes: SQS delivers it again
            mapping.drain();
            assertEquals(4, reports.size(), "every shard finished once: " + reports);
            assertEquals(live.size(), written.get(), "every live profile written once across shards: " + reports);
            assertTrue(alreadyScored.get() > 0, "the retried shard skipped what its crashed attempt had written");

            Map<String, ProfileScores> before = storedScores(live.keySet());
            // SQS delivers at least once: the same shard message again must not write anything.
            ScoringShard shard2 =
                    new ScoringShard(started.run(), AS_OF, Map.of(ScoringShard.SEGMENTS, segmentsVersion), 2, 4);
            sqs.client().sendMessage(b -> b.queueUrl(queueUrl).messageBody(shard2.toJson()));
            mapping.drain();
            ShardScoring.ShardReport repeat = reports.get(reports.size() - 1);
            assertEquals(2, repeat.segment());
            assertEquals(0, repeat.written(), repeat.toString());
            assertEquals(repeat.profiles(), repeat.alreadyScored(), repeat.toString());
            assertTrue(repeat.profiles() > 0, "segment 2 holds profiles: " + repeat);
            assertEquals(before, storedScores(live.keySet()), "a repeated shard changes no stored score");
        }
        assertEquals(live.size(), written.get(), "still exactly once per profile");
        assertEquals(
                live.size(),
                reports.stream()
                        .limit(4)
                        .mapToLong(ShardScoring.ShardReport::profiles)
                        .sum(),
                "the segments together read every live profile once");

        Map<String, ProfileScores> stored = storedScores(live.keySet());
        assertEquals(live.keySet(), stored.keySet());
        stored.forEach((id, scores) -> {
            assertEquals(started.run(), scores.run(), id);
            boolean buyer = live.get(id).rfm().orderCount() > 0;
            assertEquals(!buyer, scores.segment().startsWith("prospects"), id + " " + scores);
            assertEquals(buyer, scores.rfm() != null && scores.rfm().matches("R[1-5]F[1-5]M[1-5]"), id + " " + scores);
        });
        assertTrue(repository.scores("pmerged").isEmpty(), "a merged-away profile is not scored");
        assertEquals(
                live.get("p3"),
                repository.load("p3").orElseThrow(),
                "only `scores` is written: the profile itself is untouched");

        ProfileScores late = stored.get("p3");
        var deleted = writer.write(started.run(), Map.of("p-deleted", late));
        assertEquals(
                new ShardScoring.WriteCounts(0, 0, 1), deleted, "a profile deleted since the scan counts as missing");
        assertTrue(repository.load("p-deleted").isEmpty(), "and no item is created for it");
    }

    @Test
    void aShardThatKeepsFailingIsRetriedThenDeadLettered() throws Exception {
        String dlq = "score-shards-poison-dlq-" + System.nanoTime();
        String dlqUrl = sqs.createQueue(dlq, 30, null, 0);
        String queueUrl = sqs.createQueue("score-shards-poison-" + System.nanoTime(), 1, dlq, 2);
        ScoreShardHandler handler = new ScoreShardHandler(aws.envFor("ScoreShardsFunction"));
        // a shard message without its segment or models: never succeeds, so it must not be lost either
        sqs.client().sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"run\": \"r1\"}"));
        try (var mapping =
                new SqsEventSourceMapping(sqs.client(), queueUrl, 1, event -> handler.handleRequest(event, null))) {
            for (int attempt = 0; attempt < 3 && sqs.visibleMessages(dlqUrl) == 0; attempt++) {
                mapping.drain();
                Thread.sleep(1_200);
                mapping.drain();
            }
            assertEquals(2, mapping.failedMessages(), "delivered maxReceiveCount times, failed each time");
        }
        assertEquals(1, sqs.visibleMessages(dlqUrl), "then moved to the dead-letter queue");
        assertEquals(0, sqs.visibleMessages(queueUrl));
    }

    @Test
    void theTemplatesShardQueueHasARedrivePolicyToItsDeadLetterQueue() {
        CfnTemplate template = CfnTemplate.local();
        Map<String, String> urls = sqs.createQueues(template);
        String queue = urls.get("ScoreShardsQueue");
        assertTrue(queue.endsWith("/" + aws.envFor("TrainFunction").required("SCORE_SHARDS_QUEUE")), queue);
        var attributes = sqs.client()
                .getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.ALL))
                .attributes();
        assertTrue(
                attributes.get(QueueAttributeName.REDRIVE_POLICY).contains("ScoreShardsDeadLetterQueue"),
                attributes.toString());
        assertEquals("5400", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertNotEquals(null, urls.get("ScoreShardsDeadLetterQueue"));
    }

    private final AtomicInteger currentSegment = new AtomicInteger(-1);

    private void createTable() {
        aws.dynamo()
                .createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName("pk")
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName("sk")
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .keySchema(
                                KeySchemaElement.builder()
                                        .attributeName("pk")
                                        .keyType(KeyType.HASH)
                                        .build(),
                                KeySchemaElement.builder()
                                        .attributeName("sk")
                                        .keyType(KeyType.RANGE)
                                        .build()));
    }

    /** Buyers and browsers, an identity link item beside each (not a profile), and one merged-away profile. */
    private Map<String, Profile> storeProfiles() {
        var repository = new DynamoProfileRepository(aws.dynamo(), table);
        Random random = new Random(7);
        Map<String, Profile> live = new TreeMap<>();
        for (int i = 0; i < PEOPLE; i++) {
            String id = "p" + i;
            Instant first = AS_OF.minus(Duration.ofDays(30 + random.nextInt(300)));
            Instant last = AS_OF.minus(Duration.ofHours(1 + random.nextInt(24 * 60)));
            int orders = i % 3 == 0 ? 0 : 1 + random.nextInt(6);
            double revenue = orders * (20 + random.nextInt(200));
            Profile.Rfm rfm = orders == 0 ? Profile.Rfm.NONE : new Profile.Rfm(first, last, orders, revenue);
            Profile profile = new Profile(
                    id,
                    1,
                    first,
                    last,
                    Map.of(),
                    Map.of(),
                    Map.of("web", new Profile.ChannelActivity(first, last)),
                    new Profile.Counters(10 + orders, 3, 5, 2, orders, revenue),
                    rfm,
                    List.of(),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    Set.of(),
                    null);
            assertTrue(repository.save(profile, 0));
            assertTrue(repository.claimLink(Identifier.of(IdentifierType.USER_ID, String.format("%064x", i)), id));
            live.put(id, profile);
        }
        Profile merged = new Profile(
                "pmerged",
                1,
                AS_OF.minus(Duration.ofDays(3)),
                AS_OF.minus(Duration.ofDays(2)),
                Map.of(),
                Map.of(),
                Map.of(),
                Profile.Counters.ZERO,
                Profile.Rfm.NONE,
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                Set.of(),
                "p1");
        assertTrue(repository.save(merged, 0));
        return live;
    }

    /** A segmentation of synthetic buyers with its RFM boundaries, published as training would. */
    private String publishSegments() {
        Random random = new Random(11);
        List<CustomerValue> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(
                    new CustomerValue("b" + i, random.nextInt(300), 1 + random.nextInt(8), 10 + random.nextInt(2_000)));
        }
        var fit = Segmentation.fit(buyers, 5, 42);
        var registry = ModelRegistry.of(aws.s3(), models);
        String version = registry.newVersion();
        var metadata = new ModelMetadata(
                ScoringShard.SEGMENTS,
                version,
                "k-means",
                AS_OF,
                "test",
                new ModelMetadata.TrainingData("fixture", AS_OF.minus(Duration.ofDays(300)), AS_OF, buyers.size(), 0),
                List.of("log_recency", "log_frequency", "log_monetary"),
                Map.of(),
                "buyers",
                null,
                fit.provenance(),
                RfmScores.fit(buyers).toParameters(),
                0,
                null);
        registry.publish(metadata, fit.model().toBytes(), GateDecision.forced("none", Double.NaN, "fixture"));
        return version;
    }

    private Map<String, ProfileScores> storedScores(Set<String> ids) {
        Map<String, ProfileScores> scores = new TreeMap<>();
        for (String id : ids) {
            new DynamoProfileRepository(aws.dynamo(), table).scores(id).ifPresent(s -> scores.put(id, s));
        }
        assertFalse(scores.isEmpty());
        return scores;
    }
}
