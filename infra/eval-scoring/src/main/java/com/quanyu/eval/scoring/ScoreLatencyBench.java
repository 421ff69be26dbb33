package com.quanyu.eval.scoring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.score.ScoreApiHandler;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import com.quanyu.train.TrainingJob;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.propensity.PropensityTraining;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Warm latency of the score API: models trained on generator data and published to S3Proxy, real
 * profiles in dynalite, then thousands of handler calls per route (in-process, so no API Gateway
 * or network hop; the DynamoDB reads do go to local dynalite over HTTP). Also prints the pure model
 * time (no storage) and the model load times.
 *
 * <p>Usage: {@code ScoreLatencyBench [customers=3000] [calls=3000]}
 */
public final class ScoreLatencyBench {
    private ScoreLatencyBench() {}

    public static void main(String[] args) {
        EvalLogging.quiet();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        EventHistory history = historyOf(DemoData.generate(DemoConfig.of(3, customers, 35)));
        try (StandIns aws = StandIns.start(Optional.empty())) {
            var env = aws.envFor("ScoreFunction");
            var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
            new TrainingJob(
                            registry,
                            () -> new HistoryFeatures(history, PersonSample.all(), "demo generator"),
                            Map::of,
                            null,
                            PropensityTraining.defaults(40_000),
                            Clock.systemUTC(),
                            "bench",
                            0.002)
                    .run(Set.of(PropensityTraining.KIND, "recommender"));
            var profiles = new DynamoProfileRepository(aws.dynamo(), env.required("PROFILES_TABLE"));
            List<String> ids = new ArrayList<>();
            for (var entry : history.all().entrySet()) {
                if (ids.size() == 500) {
                    break;
                }
                profiles.save(profileOf(entry.getKey(), entry.getValue()), 0);
                ids.add(entry.getKey());
            }
            long initStart = System.nanoTime();
            ScoreApiHandler handler = new ScoreApiHandler(env);
            System.out.printf(
                    Locale.ROOT,
                    "handler init incl. loading 2 models from S3Proxy: %.0f ms%n",
                    (System.nanoTime() - initStart) / 1e6);
            for (String kind : List.of(PropensityTraining.KIND, "recommender")) {
                var loaded = LiveModel.of(registry, kind, (bytes, meta) -> bytes.length, Duration.ofHours(1))
                        .current()
                        .orElseThrow();
                long start = System.nanoTime();
                LiveModel<?> live = kind.equals("recommender")
                        ? LiveModel.of(registry, kind, (b, m) -> RecommenderModel.decode(b), Duration.ofHours(1))
                        : LiveModel.of(
                                registry, kind, (b, m) -> BinaryClassifier.decode(b, m, "buys"), Duration.ofHours(1));
                live.current();
                System.out.printf(
                        Locale.ROOT,
                        "  load %-11s %s: %,d bytes, download+decode %.0f ms%n",
                        kind,
                        loaded.metadata().algorithm(),
                        loaded.model(),
                        (System.nanoTime() - start) / 1e6);
            }
            String sku = history.all().values().stream()
                    .flatMap(List::stream)
                    .filter(LakeEvent::isOrder)
                    .map(e -> e.skus().get(0))
                    .findFirst()
                    .orElseThrow();
            Map<String, Supplier<APIGatewayV2HTTPEvent>> routes = new TreeMap<>();
            int[] next = {0};
            routes.put(
                    "GET /v1/profiles/{id}/scores",
                    () -> event("GET /v1/profiles/{id}/scores", Map.of("id", ids.get(next[0]++ % ids.size())), null));
            routes.put(
                    "GET /v1/profiles/{id}/recommendations",
                    () -> event(
                            "GET /v1/profiles/{id}/recommendations",
                            Map.of("id", ids.get(next[0]++ % ids.size())),
                            Map.of("n", "10")));
            routes.put(
                    "GET /v1/products/{sku}/related",
                    () -> event("GET /v1/products/{sku}/related", Map.of("sku", sku), null));
            System.out.printf(
                    Locale.ROOT,
                    "warm in-handler latency over %d calls per route (%d profiles), including local dynalite reads:%n",
                    calls,
                    ids.size());
            for (var route : routes.entrySet()) {
                for (int i = 0; i < 300; i++) {
                    handler.handleRequest(route.getValue().get(), null);
                }
                long[] times = new long[calls];
                for (int i = 0; i < calls; i++) {
                    var e = route.getValue().get();
                    long start = System.nanoTime();
                    var response = handler.handleRequest(e, null);
                    times[i] = System.nanoTime() - start;
                    if (response.getStatusCode() != 200) {
                        throw new IllegalStateException(
                                route.getKey() + " -> " + response.getStatusCode() + " " + response.getBody());
                    }
                }
                print("  " + route.getKey(), times);
            }
            computeOnly(registry, history, ids, calls);
        }
    }

    /** The model work alone: features, probability and explanation; recommendation from a history. */
    private static void computeOnly(ModelRegistry registry, EventHistory history, List<String> ids, int calls) {
        var propensity = LiveModel.of(
                        registry,
                        PropensityTraining.KIND,
                        (b, m) -> BinaryClassifier.decode(b, m, "buys"),
                        Duration.ofHours(1))
                .current()
                .orElseThrow()
                .model();
        var recommender = LiveModel.of(
                        registry, "recommender", (b, m) -> RecommenderModel.decode(b), Duration.ofHours(1))
                .current()
                .orElseThrow()
                .model();
        Instant now = history.last();
        long[] scoreTimes = new long[calls];
        long[] recTimes = new long[calls];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < calls; i++) {
                List<LakeEvent> events = history.events(ids.get(i % ids.size()));
                ActivitySnapshot snapshot = EventHistory.snapshot(events, now);
                long start = System.nanoTime();
                double[] values = PropensityFeatures.values(snapshot);
                propensity.probability(values);
                propensity.explain(values, 5);
                scoreTimes[i] = System.nanoTime() - start;
                Map<String, Float> h = new HashMap<>();
                events.forEach(e -> e.skus().forEach(s -> h.merge(s, 1f, Float::sum)));
                start = System.nanoTime();
                recommender.recommend(h, 10, Set.of(), s -> true);
                recTimes[i] = System.nanoTime() - start;
            }
        }
        System.out.println("model compute only (no storage):");
        print("  propensity probability + top-5 explanation", scoreTimes);
        print(
                "  recommendations (n=10, " + recommender.algorithm() + ", " + recommender.itemCount() + " items)",
                recTimes);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Map<String, String> query) {
        var e = new APIGatewayV2HTTPEvent();
        e.setRouteKey(routeKey);
        e.setPathParameters(path);
        e.setQueryStringParameters(query);
        // as API Gateway delivers a staff request after its JWT authoriser (docs/security.md)
        e.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                .builder()
                                .withClaims(Map.of("sub", "bench", "cognito:groups", "[admin]"))
                                .build())
                        .build())
                .build());
        return e;
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-80s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** The profile ingestion would have built from these events (counters, channels, last 20 events). */
    /** The generator's events as lake events; a profile is the userId, else the anonymousId (no identity stitching). */
    static EventHistory historyOf(DemoDataset data) {
        List<LakeEvent> events = new ArrayList<>();
        for (DemoDataset.SourcedEvent sourced : data.events()) {
            ObjectNode line = sourced.event().deepCopy();
            line.put(
                    "profileId",
                    line.hasNonNull("userId")
                            ? "u-" + line.get("userId").asText()
                            : "a-" + line.path("anonymousId").asText());
            line.put("channel", sourced.source().channel());
            LakeEvent.parse(line).ifPresent(events::add);
        }
        return EventHistory.of(events);
    }

    static Profile profileOf(String id, List<LakeEvent> events) {
        ActivitySnapshot s =
                EventHistory.snapshot(events, events.get(events.size() - 1).at().plusSeconds(1));
        Map<String, Profile.ChannelActivity> channels = new HashMap<>();
        events.forEach(e -> channels.merge(
                e.channel(),
                new Profile.ChannelActivity(e.at(), e.at()),
                (a, b) -> new Profile.ChannelActivity(a.firstSeen(), b.lastSeen())));
        List<Profile.EventSummary> last = new ArrayList<>();
        s.recent().forEach(r -> last.add(new Profile.EventSummary(r.type(), r.event(), r.sku(), r.channel(), r.at())));
        Instant firstOrder = events.stream()
                .filter(LakeEvent::isOrder)
                .map(LakeEvent::at)
                .findFirst()
                .orElse(null);
        return new Profile(
                id,
                0,
                s.firstSeen(),
                s.lastSeen(),
                Map.of(),
                Map.of(),
                channels,
                new Profile.Counters(events.size(), s.sessions(), s.pageViews(), s.cartAdds(), s.orders(), s.revenue()),
                new Profile.Rfm(firstOrder, s.lastOrderAt(), s.orders(), s.revenue()),
                last,
                Map.of(),
                List.of(),
                Map.of(),
                Set.of(),
                null);
    }
}
