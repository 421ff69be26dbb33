package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.fakes.CrashPlan;
import com.quanyu.shared.testing.fakes.InMemoryEventLake;
import com.quanyu.shared.testing.fakes.InMemoryIdempotencyStore;
import com.quanyu.shared.testing.fakes.InMemoryOrderStore;
import com.quanyu.shared.testing.fakes.InMemoryProfileRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every crash point of the identity-merge protocol, on the in-memory stores: an event that merges two
 * people (and places an order) crashes at each of its writes in turn, before or after the write takes
 * effect, and is then delivered again, through the leased path (the synchronous API) and the
 * lease-free fold (the stream's consumer). Whatever the crash point, the outcome is the one of a run
 * without a crash: one live person reachable from every identifier, each event and the order counted
 * once, the order stored once, the event archived and marked done.
 */
class CrashPointsTest {
    private static final Source WEB = Source.of("crash-points", "web");
    private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    private static final List<String> SETUP = List.of(
            "{\"type\":\"page\",\"anonymousId\":\"a-1\",\"messageId\":\"m1\",\"timestamp\":\"2026-11-30T07:00:00Z\"}",
            "{\"type\":\"page\",\"userId\":\"u-1\",\"messageId\":\"m2\",\"timestamp\":\"2026-11-30T07:01:00Z\"}");
    /** Names both people at once (a merge) and carries an order. */
    private static final String MERGING_ORDER = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u-1\","
            + "\"anonymousId\":\"a-1\",\"messageId\":\"m3\",\"timestamp\":\"2026-11-30T07:02:00Z\",\"context\":{\"traits\":"
            + "{\"email\":\"crash.points@example.com\"}},\"properties\":{\"order_id\":\"o-1\",\"total\":120,\"currency\":\"CNY\","
            + "\"products\":[{\"sku\":\"TEA-OOLONG-250\",\"price\":120,\"quantity\":1}]}}";

    /** The two delivery paths of an accepted event. */
    enum Path {
        LEASED_API,
        STREAM_FOLD
    }

    /** In-memory stores sharing one crash plan, and the pipeline over them. */
    private static final class World {
        final CrashPlan plan = CrashPlan.none();
        final MovableClock clock = new MovableClock(START);
        final InMemoryProfileRepository profiles = new InMemoryProfileRepository(plan);
        final InMemoryIdempotencyStore dedupe = new InMemoryIdempotencyStore(plan);
        final InMemoryOrderStore orders = new InMemoryOrderStore(plan);
        final InMemoryEventLake lake = new InMemoryEventLake(plan);
        final EventPipeline pipeline = EventPipeline.builder()
                .profiles(profiles)
                .orders(orders)
                .dedupe(dedupe)
                .lake(lake)
                .clock(clock)
                .lease(Duration.ofSeconds(30))
                .parallelism(2)
                .build();

        World() {
            SETUP.forEach(event -> deliver(Path.LEASED_API, event));
        }

        IngestReport deliver(Path path, String event) {
            List<JsonNode> events = List.of(Json.read(event, JsonNode.class));
            if (path == Path.LEASED_API) {
                return pipeline.ingest(WEB, events);
            }
            CustomerEvent parsed = pipeline.parser().parse(events.get(0), WEB, null, clock.instant(), null, "");
            return pipeline.fold(List.of(new BufferedEvent(WEB, parsed)));
        }

        Profile live(String query) {
            return new ProfileStore(profiles, IdentityRules.defaults(), clock)
                    .resolve(query)
                    .orElseThrow();
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void aMergeWithAnOrderEndsTheSameWhereverItCrashes(Path path) {
        World clean = new World();
        int before = clean.plan.writes().size();
        clean.deliver(path, MERGING_ORDER);
        List<String> writes =
                clean.plan.writes().subList(before, clean.plan.writes().size());
        assertTrue(
                writes.stream().anyMatch(w -> w.startsWith("profiles.repointLink")), "the event must merge: " + writes);
        Outcome expected = Outcome.of(clean);

        List<String> failures = new ArrayList<>();
        for (int nth = 1; nth <= writes.size(); nth++) {
            for (CrashPlan.Moment moment : CrashPlan.Moment.values()) {
                World world = new World();
                world.plan.crashAt(nth, moment);
                assertThrows(
                        RuntimeException.class,
                        () -> world.deliver(path, MERGING_ORDER),
                        "crash " + moment + " write " + nth + " (" + writes.get(nth - 1) + ") must fail the delivery");
                // The buffer or the client delivers again; a lease left by the crash has run out by then.
                world.clock.advance(Duration.ofMinutes(1));
                world.deliver(path, MERGING_ORDER);
                Outcome outcome = Outcome.of(world);
                if (!outcome.equals(expected)) {
                    failures.add(moment + " write " + nth + " (" + writes.get(nth - 1) + "): " + outcome
                            + " instead of " + expected);
                }
            }
        }
        assertEquals(List.of(), failures, writes.size() + " writes, each crashed before and after");
    }

    /**
     * What must not depend on the crash point (profile ids are random, so they are compared as
     * "every identifier reaches the same live profile").
     */
    private record Outcome(
            int liveProfiles,
            boolean oneLivePersonForBoth,
            Profile.Counters counters,
            Set<String> emails,
            int storedOrders,
            boolean archived,
            boolean done) {
        static Outcome of(World world) {
            Profile byUser = world.live("user_id:u-1");
            Profile byAnonymous = world.live("anonymous_id:a-1");
            int live = (int) world.profiles.profiles().values().stream()
                    .filter(p -> !p.isMerged())
                    .count();
            boolean archived = world.lake.records().stream()
                    .anyMatch(r -> "m3".equals(r.path("messageId").asText()));
            Outcome outcome = new Outcome(
                    live,
                    byUser.profileId().equals(byAnonymous.profileId()),
                    byUser.counters(),
                    byUser.identifiers().getOrDefault("email", Set.of()),
                    world.orders.find("o-1").map(o -> 1).orElse(0),
                    archived,
                    false);
            // Last, as it writes: one more delivery of the event finds it done.
            boolean done = world.deliver(Path.LEASED_API, MERGING_ORDER).count(EventResult.Status.DUPLICATE) == 1;
            return new Outcome(
                    outcome.liveProfiles(),
                    outcome.oneLivePersonForBoth(),
                    outcome.counters(),
                    outcome.emails(),
                    outcome.storedOrders(),
                    archived,
                    done);
        }
    }
}
