package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileFoldTest {
    private static final EventParser PARSER = new EventParser(IdentityRules.defaults(), "CNY");
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private static CustomerEvent event(String json) {
        try {
            return PARSER.parse(Json.parse(json), Source.of("s", "web"), null, NOW, null, "");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<CustomerEvent> events() {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String time = "2026-11-2" + (i % 9) + "T10:00:0" + (i % 10) + "Z";
            events.add(
                    switch (i % 4) {
                        case 0 ->
                            event("{\"type\":\"page\",\"anonymousId\":\"a\",\"messageId\":\"m" + i
                                    + "\",\"timestamp\":\"" + time + "\",\"context\":{\"sessionId\":\"s" + (i % 3)
                                    + "\"}}");
                        case 1 ->
                            event("{\"type\":\"identify\",\"anonymousId\":\"a\",\"messageId\":\"m" + i
                                    + "\",\"timestamp\":\"" + time + "\",\"traits\":{\"tier\":\"t" + i + "\"}}");
                        case 2 ->
                            event(
                                    "{\"type\":\"track\",\"event\":\"Product Added\",\"anonymousId\":\"a\",\"messageId\":\"m"
                                            + i + "\",\"timestamp\":\"" + time + "\",\"context\":{\"sessionId\":\"s"
                                            + (i % 3) + "\"}}");
                        default ->
                            event(
                                    "{\"type\":\"track\",\"event\":\"Order Completed\",\"anonymousId\":\"a\",\"messageId\":\"m"
                                            + i + "\",\"timestamp\":\"" + time + "\",\"properties\":{\"order_id\":\"o"
                                            + i + "\",\"total\":" + (i * 10) + "}}");
                    });
        }
        return events;
    }

    private static Profile fold(Profile start, List<CustomerEvent> events) {
        Profile p = start;
        for (CustomerEvent e : events) {
            p = ProfileFold.apply(p, e, e.identifiers(), e.order() != null, NOW);
        }
        return p;
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder() {
        List<CustomerEvent> events = events();
        Profile inOrder = fold(Profile.empty("p1"), events);
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            List<CustomerEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            Profile other = fold(Profile.empty("p1"), shuffled);
            assertEquals(inOrder.counters(), other.counters());
            assertEquals(inOrder.traits(), other.traits());
            assertEquals(inOrder.rfm(), other.rfm());
            assertEquals(inOrder.channels(), other.channels());
            assertEquals(inOrder.lastEvents(), other.lastEvents());
        }
        assertEquals(3, inOrder.counters().sessions());
        assertEquals(3, inOrder.counters().orders());
        assertEquals(30 + 70 + 110, inOrder.counters().revenue(), 1e-9);
        assertEquals(
                "t5",
                inOrder.traits().get("tier").value().asText(),
                "latest event time (11-25) wins, not the last to arrive (t9, 11-20)");
    }

    @Test
    void splittingEventsOverTwoProfilesThenMergingEqualsOneProfile() {
        List<CustomerEvent> events = events();
        Profile whole = fold(Profile.empty("p1"), events);
        for (int cut = 0; cut <= events.size(); cut += 3) {
            Profile a = fold(Profile.empty("p1"), events.subList(0, cut));
            Profile b = fold(Profile.empty("p2"), events.subList(cut, events.size()));
            Profile merged = ProfileFold.merge(a, ProfileFold.frozen(b, "p1"), NOW);
            assertEquals(whole.counters(), merged.counters(), "cut at " + cut);
            assertEquals(whole.traits(), merged.traits());
            assertEquals(whole.rfm(), merged.rfm());
            assertEquals(whole.firstSeenAt(), merged.firstSeenAt());
            assertTrue(merged.absorbed().contains("p2"));
            assertEquals(null, merged.mergedInto());
        }
    }

    @Test
    void identifierLimitsRefuseMergesThatWouldGiveAPersonTwoLogins() {
        CustomerEvent alice = event("{\"type\":\"identify\",\"userId\":\"alice\"}");
        CustomerEvent bob = event("{\"type\":\"identify\",\"userId\":\"bob\"}");
        Profile a = ProfileFold.apply(Profile.empty("p1"), alice, alice.identifiers(), false, NOW);
        Profile b = ProfileFold.apply(Profile.empty("p2"), bob, bob.identifiers(), false, NOW);
        assertEquals(
                IdentifierType.USER_ID,
                ProfileFold.exceededLimit(a, b, IdentityRules.defaults()).orElseThrow());
        IdentityRules lenient =
                IdentityRules.builder().limit(IdentifierType.USER_ID, 2).build();
        assertTrue(ProfileFold.exceededLimit(a, b, lenient).isEmpty());
    }
}
