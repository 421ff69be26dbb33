package com.quanyu.journeys.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.journeys.definition.DefinitionParser;
import com.quanyu.journeys.engine.AudienceEntries;
import com.quanyu.journeys.engine.Customer;
import com.quanyu.journeys.engine.JourneyEngine;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.journeys.engine.Links;
import com.quanyu.journeys.engine.SendingLimits;
import com.quanyu.shared.campaigns.store.AudienceMemberships;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audience and schedule entries on the DynamoDB stand-in: the campaigns module records each
 * refresh's members through {@link AudienceMemberships} (their owner), the sweep enters the
 * joiners and, on a cron in the brand's zone, every member; a sweep that failed after entering
 * and is retried enters nobody twice, and each customer gets one message per occurrence.
 */
@ExtendWith(AwsStandInsExtension.class)
class AudienceEntriesTest {
    private static final ZoneId BRAND = ZoneId.of("Asia/Shanghai");
    private final String run = Long.toString(System.nanoTime(), 36);
    private final MovableClock clock =
            new MovableClock(Instant.parse("2026-06-01T02:00:00Z")); // Monday 10:00 in Shanghai
    private final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cursorFault = new AtomicBoolean();
    private final AudienceMemberships memberships;
    private final JourneyStore store;
    private final JourneyEngine engine;
    private final AudienceEntries entries;

    AudienceEntriesTest(StandIns aws) {
        memberships = new AudienceMemberships(
                aws.dynamo(), aws.envFor("JourneysSweepFunction").required("CAMPAIGNS_TABLE"));
        JourneyStore dynamo = new DynamoJourneyStore(
                aws.dynamo(), aws.envFor("JourneysSweepFunction").required("JOURNEYS_TABLE"));
        // the store, except that moving the entry cursor can be made to fail: a sweep that dies after entering
        store = (JourneyStore) Proxy.newProxyInstance(
                JourneyStore.class.getClassLoader(), new Class<?>[] {JourneyStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("moveEntryCursor") && cursorFault.getAndSet(false)) {
                        throw new IllegalStateException("injected: the sweep timed out before moving the cursor");
                    }
                    try {
                        return method.invoke(dynamo, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.EMAIL, message -> {
            sent.add(message);
            return SendResult.sent("m" + sent.size());
        });
        engine = new JourneyEngine(
                store,
                id -> Optional.of(new Customer(
                        id,
                        Map.of("email", id + "@example.com", "first_name", id),
                        Map.of(Channel.EMAIL, true),
                        BRAND,
                        Map.of(),
                        Optional.empty(),
                        Map.of())),
                (campaign, profile) -> Optional.empty(),
                senders,
                SendingLimits.DEFAULT,
                new Links("https://api.example.com", "k"),
                clock);
        entries = new AudienceEntries(store, engine, new CampaignAudiences(memberships), BRAND, clock);
    }

    @Test
    void joinersOfEachRefreshEnterOnceEvenWhenTheSweepIsRetried() {
        String audience = "vip-" + run;
        String a = "a-" + run;
        String b = "b-" + run;
        String c = "c-" + run;
        memberships.record(audience, Set.of(a, b), clock.instant().minus(Duration.ofHours(1)));
        define("welcome-" + run, Json.object().put("type", "audience").put("audienceId", audience));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, entries.run(), "members who joined before the journey existed do not enter");
        assertEquals(1, memberships.record(audience, Set.of(a, b, c), clock.instant()), "c joins at this refresh");
        clock.advance(Duration.ofMinutes(1));
        cursorFault.set(true);
        assertEquals(1, entries.run(), "the sweep enters c, then dies before moving its cursor");
        assertEquals(0, entries.run(), "the retried sweep finds c entered for that refresh");
        engine.sweep(200);
        engine.sweep(200);
        assertEquals(
                List.of(c + "@example.com"),
                sent.stream().map(OutboundMessage::address).toList());

        clock.advance(Duration.ofMinutes(1));
        memberships.record(audience, Set.of(a, c), clock.instant());
        String d = "d-" + run;
        memberships.record(audience, Set.of(a, c, d), clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                1, entries.run(), "two refreshes since the last sweep: d joined at the second, b left at the first");
        engine.sweep(200);
        assertEquals(
                List.of(c + "@example.com", d + "@example.com"),
                sent.stream().map(OutboundMessage::address).toList());
    }

    @Test
    void aScheduleEntersEveryMemberAtItsTimeInTheBrandsZoneOncePerFiring() {
        String audience = "weekly-" + run;
        List<String> members = List.of("m1-" + run, "m2-" + run, "m3-" + run);
        memberships.record(audience, Set.copyOf(members), clock.instant().minus(Duration.ofDays(1)));
        String journey = "monday-" + run;
        define(
                journey,
                Json.object()
                        .put("type", "schedule")
                        .put("expression", "cron(0 9 ? * MON *)")
                        .put("audienceId", audience));

        clock.advance(Duration.between(
                clock.instant(),
                Instant.parse("2026-06-08T00:59:00Z"))); // Monday 08:59 in Shanghai (09:00 UTC is 8 hours later)
        assertEquals(
                0, entries.run(), "created on Monday after 09:00: the first firing is the next Monday 09:00 Shanghai");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-06-08T01:00:30Z")));
        cursorFault.set(true);
        assertEquals(3, entries.run(), "09:00 in Shanghai: every member enters");
        assertEquals(0, entries.run(), "the retried sweep enters nobody again");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, entries.run(), "the firing is done");
        engine.sweep(200);
        engine.sweep(200);
        assertEquals(3, sent.size(), sent.toString());
        assertEquals(
                Instant.parse("2026-06-08T01:00:00Z"),
                store.enrollment(members.get(0), journey).orElseThrow().triggeredAt());

        clock.advance(Duration.between(
                clock.instant(),
                Instant.parse("2026-06-22T03:00:00Z"))); // two Mondays later, the sweep having been down
        assertEquals(3, entries.run(), "only the latest missed firing runs, once");
        assertEquals(
                Instant.parse("2026-06-22T01:00:00Z"),
                store.enrollment(members.get(0), journey).orElseThrow().triggeredAt());
        assertEquals(0, entries.run());
    }

    private void define(String id, JsonNode entry) {
        JsonNode json = Json.object()
                .put("id", id)
                .put("name", id)
                .put("holdoutPercent", 0)
                .put("reentryAfterHours", 24)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("entry", entry)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                        "goal", Json.object().put("event", "Order Completed").put("withinHours", 72))
                .set(
                        "steps",
                        Json.mapper()
                                .valueToTree(List.of(Map.of(
                                        "id",
                                        "hello",
                                        "type",
                                        "send",
                                        "channels",
                                        List.of("email"),
                                        "templates",
                                        Map.of("en", Map.of("subject", "Hello", "body", "Hi {{name}}"))))));
        DefinitionParser.parse(id, 1, json);
        assertTrue(store.putDefinition(id, 1, json, clock.instant()));
        engine.refreshDefinitions();
    }
}
