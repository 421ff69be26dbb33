package com.quanyu.journeys.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.journeys.engine.Enrollment;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DynamoDB store's conditional semantics on dynalite, with the table template.yaml declares. */
@ExtendWith(AwsStandInsExtension.class)
class DynamoJourneyStoreTest {
    private final JourneyStore store;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final Instant now = Instant.parse("2026-06-01T00:00:00Z");

    DynamoJourneyStoreTest(StandIns aws) {
        store = new DynamoJourneyStore(
                aws.dynamo(), aws.envFor("JourneysSweepFunction").required("JOURNEYS_TABLE"));
    }

    @Test
    void stepClaimsAreExclusiveAndOnlyARetryReopensThem() {
        String key = "j~p" + run + "~1~remind";
        assertTrue(store.claimStep(key, now));
        assertFalse(store.claimStep(key, now), "a second claim (a duplicate delivery) fails");
        store.finishStep(new JourneyStore.StepRecord(key, "retry", "email", "reserved", now));
        assertTrue(store.claimStep(key, now), "a transient fault reopens the claim once");
        store.finishStep(new JourneyStore.StepRecord(key, "sent", "email", "m-1", now));
        assertFalse(store.claimStep(key, now));
        assertEquals("sent", store.step(key).orElseThrow().outcome());
    }

    @Test
    void enrolmentsChangeOnlyAtTheExpectedRevisionAndTheDueIndexFindsWaits() {
        String profile = "p" + run;
        Enrollment waiting = new Enrollment(
                profile,
                "cart-" + run,
                1,
                1,
                Enrollment.Status.PENDING,
                false,
                now,
                null,
                0,
                now.plus(Duration.ofHours(2)),
                null,
                Set.of(),
                Map.of(),
                false,
                0);
        assertTrue(store.putEnrollment(waiting, 0));
        assertFalse(store.putEnrollment(waiting, 0), "created once");
        assertEquals(1, store.enrollment(profile, "cart-" + run).orElseThrow().revision());
        assertFalse(store.due(now.plus(Duration.ofHours(1)), 1000).contains(Map.entry(profile, "cart-" + run)));
        assertTrue(store.due(now.plus(Duration.ofHours(3)), 1000).contains(Map.entry(profile, "cart-" + run)));
        Enrollment done = new Enrollment(
                profile,
                "cart-" + run,
                1,
                1,
                Enrollment.Status.DONE,
                false,
                now,
                now,
                3,
                null,
                null,
                Set.of("Order Completed"),
                Map.of("coupon", "C1"),
                true,
                0);
        assertFalse(store.putEnrollment(done, 7), "a stale writer loses");
        assertTrue(store.putEnrollment(done, 1));
        assertFalse(
                store.due(now.plus(Duration.ofDays(30)), 1000).contains(Map.entry(profile, "cart-" + run)),
                "no longer waiting");
        assertEquals(done.vars(), store.enrollments(profile).get(0).vars());
    }

    @Test
    void frequencyCapsSlideOverADayAndAWeek() {
        String profile = "f" + run;
        assertTrue(store.reserveFrequency(profile, now, 1, 2));
        assertFalse(store.reserveFrequency(profile, now.plus(Duration.ofHours(23)), 1, 2), "one a day");
        assertTrue(store.reserveFrequency(profile, now.plus(Duration.ofHours(25)), 1, 2));
        assertFalse(store.reserveFrequency(profile, now.plus(Duration.ofDays(3)), 1, 2), "two a week");
        assertTrue(store.reserveFrequency(profile, now.plus(Duration.ofDays(8)), 1, 2));
    }

    @Test
    void definitionsAreVersionedAndCountersAdd() throws Exception {
        String id = "j-" + run;
        assertTrue(store.putDefinition(id, 1, Json.parse("{\"name\":\"one\"}"), now));
        assertFalse(store.putDefinition(id, 1, Json.parse("{\"name\":\"again\"}"), now), "a version is written once");
        assertTrue(store.putDefinition(id, 2, Json.parse("{\"name\":\"two\"}"), now));
        var latest = store.latestDefinitions().stream()
                .filter(d -> d.journeyId().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(2, latest.version());
        store.setActive(id, false);
        assertFalse(store.definition(id, 2).orElseThrow().active());
        store.count(id, 2, "sent", 2);
        store.count(id, 2, "sent", 3);
        assertEquals(5, store.counters(id).get(2).get("sent"));
        store.suppress("email", "abc" + run, "hard bounce", now);
        assertTrue(store.suppressed("email", "abc" + run));
        assertFalse(store.suppressed("sms", "abc" + run));
    }
}
