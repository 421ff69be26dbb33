package com.quanyu.journeys.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.shared.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyEngineTest {

    private static ObjectNode noHoldout() {
        ObjectNode json = (ObjectNode) EngineRig.abandonedCart();
        json.put("holdoutPercent", 0);
        return json;
    }

    @Test
    void abandonedCartWaitsTwoHoursThenRemindsAndCountsTheOrderAsAConversion() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        rig.customer("p1", Map.of("email", "a@example.com", "first_name", "Ann"), Channel.EMAIL);
        rig.event("p1", "Product Added");
        rig.clock.advance(Duration.ofMinutes(119));
        rig.engine.sweep(100);
        assertTrue(rig.sent.isEmpty(), "nothing before the two hours are over");
        rig.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, rig.engine.sweep(100));
        assertEquals(1, rig.sent.size());
        var message = rig.sent.get(0);
        assertEquals(Channel.EMAIL, message.channel(), "the first channel with address and consent");
        assertTrue(
                message.body().startsWith("Hi Ann, your cart is waiting: https://api.example.com/v1/j/c/"),
                message.body());
        assertTrue(message.body().contains("/v1/j/u/"), "e-mail carries an unsubscribe link");

        rig.clock.advance(Duration.ofHours(3));
        rig.event("p1", "Order Completed");
        Map<String, Long> counters = rig.store.counters("abandoned-cart").get(1);
        assertEquals(1, counters.get("converted_treatment"));
        assertEquals(
                Enrollment.Status.DONE,
                rig.store.enrollment("p1", "abandoned-cart").orElseThrow().status(),
                "the goal ends the journey: no coupon follow-up");
        rig.clock.advance(Duration.ofDays(2));
        rig.engine.sweep(100);
        assertEquals(1, rig.sent.size());
    }

    @Test
    void anOrderWithinTwoHoursMeansTheCustomerNeverEnters() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        rig.customer("p2", Map.of("email", "b@example.com"), Channel.EMAIL);
        rig.event("p2", "Product Added");
        rig.clock.advance(Duration.ofMinutes(30));
        rig.event("p2", "Order Completed");
        rig.clock.advance(Duration.ofHours(3));
        rig.engine.sweep(100);
        assertTrue(rig.sent.isEmpty());
        assertEquals(
                Enrollment.Status.CANCELLED,
                rig.store.enrollment("p2", "abandoned-cart").orElseThrow().status());
        assertFalse(rig.store.counters("abandoned-cart").get(1).containsKey("entered_treatment"));
    }

    @Test
    void withoutAnOrderTheFollowUpCarriesTheCouponInChinese() {
        EngineRig rig = new EngineRig();
        ObjectNode json = noHoldout();
        ((ObjectNode) json.get("steps").get(2).get("condition")).put("percent", 99);
        rig.define(json);
        rig.customer("p3", Map.of("line_user_id", "U3", "language", "zh-CN", "first_name", "王"), Channel.LINE);
        rig.event("p3", "Product Added");
        rig.clock.advance(Duration.ofHours(2));
        rig.engine.sweep(100);
        rig.clock.advance(Duration.ofHours(25));
        rig.engine.sweep(100);
        assertEquals(2, rig.sent.size(), "reminder and offer: " + rig.sent);
        assertTrue(
                rig.sent.get(1).body().startsWith("王，使用优惠码 CODE-p3 完成购买"),
                rig.sent.get(1).body());
    }

    @Test
    void quietHoursInTheCustomersZoneDeferTheSendToTheirMorning() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        // 19:30 in Shanghai; the two hours end at 21:30, inside quiet hours
        rig.clock.advance(Duration.ofHours(9).plusMinutes(30));
        rig.customer("p4", Map.of("email", "d@example.com"), Channel.EMAIL);
        rig.event("p4", "Product Added");
        rig.clock.advance(Duration.ofHours(2));
        rig.engine.sweep(100);
        assertTrue(rig.sent.isEmpty(), "not at 21:30 local time");
        Instant due = rig.store.enrollment("p4", "abandoned-cart").orElseThrow().dueAt();
        ZonedDateTime local = due.atZone(ZoneId.of("Asia/Shanghai"));
        assertEquals(8, local.getHour());
        assertEquals(2, local.getDayOfMonth());
        rig.clock.advance(Duration.between(rig.clock.instant(), due));
        rig.engine.sweep(100);
        assertEquals(1, rig.sent.size());
    }

    @Test
    void noConsentNoAddressOrSuppressionMeansNoSendAndTheReasonIsCounted() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        rig.customer("p5", Map.of("email", "e@example.com", "phone", "+8613800000000"), Channel.SMS);
        rig.store.suppress("sms", JourneyEngine.hash("+8613800000000"), "test", rig.clock.instant());
        rig.event("p5", "Product Added");
        rig.clock.advance(Duration.ofHours(2));
        rig.engine.sweep(100);
        assertTrue(rig.sent.isEmpty());
        Map<String, Long> counters = rig.store.counters("abandoned-cart").get(1);
        assertEquals(1, counters.get("skipped_no_consent"));
        assertEquals(1, counters.get("skipped_suppressed"));
        assertEquals(4, counters.get("skipped_no_address"), "line, telegram, wechat, messenger");
    }

    @Test
    void messengerOutsideTheTwentyFourHourWindowIsSkippedWithTheReason() {
        EngineRig rig = new EngineRig();
        ObjectNode json = noHoldout();
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        json.get("steps").get(0).get("channels"))
                .removeAll()
                .add("messenger");
        rig.define(json);
        rig.customers.put(
                "p6",
                new Customer(
                        "p6",
                        Map.of("messenger_psid", "PS6"),
                        Map.of(Channel.MESSENGER, true),
                        ZoneId.of("Asia/Shanghai"),
                        Map.of(Channel.MESSENGER, rig.clock.instant().minus(Duration.ofDays(3))),
                        java.util.Optional.empty(),
                        Map.of()));
        rig.event("p6", "Product Added");
        rig.clock.advance(Duration.ofHours(2));
        rig.engine.sweep(100);
        assertTrue(rig.sent.isEmpty());
        assertEquals(
                1,
                rig.store
                        .counters("abandoned-cart")
                        .get(1)
                        .get("skipped_outside_messenger_s_24_hour_window_and_no_message_tag"));
    }

    @Test
    void theFrequencyCapHoldsAcrossJourneys() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        ObjectNode browse = noHoldout();
        browse.put("id", "browse");
        ((ObjectNode) browse.get("entry")).put("event", "Product Viewed");
        rig.define(browse);
        rig.customer("p7", Map.of("email", "g@example.com"), Channel.EMAIL);
        rig.event("p7", "Product Added");
        rig.event("p7", "Product Viewed");
        rig.clock.advance(Duration.ofHours(2));
        rig.engine.sweep(100);
        assertEquals(1, rig.sent.size(), "one message a day across both journeys");
        long capped = rig.store.counters("abandoned-cart").get(1).getOrDefault("skipped_frequency_cap", 0L)
                + rig.store.counters("browse").get(1).getOrDefault("skipped_frequency_cap", 0L);
        assertEquals(1, capped);
    }

    @Test
    void theHoldoutIsMeasuredButNeverMessaged() {
        EngineRig rig = new EngineRig();
        ObjectNode json = noHoldout();
        json.put("holdoutPercent", 50);
        rig.define(json);
        for (int i = 0; i < 200; i++) {
            rig.customer("h" + i, Map.of("email", "h" + i + "@example.com"), Channel.EMAIL);
            rig.event("h" + i, "Product Added");
        }
        rig.clock.advance(Duration.ofHours(2));
        while (rig.engine.sweep(500) > 0) {
            // drain
        }
        Map<String, Long> counters = rig.store.counters("abandoned-cart").get(1);
        long held = counters.get("entered_holdout");
        assertTrue(held > 70 && held < 130, "about half held out: " + held);
        assertEquals(200 - held, rig.sent.size(), "only the treated get a message");
        for (int i = 0; i < 200; i++) {
            Enrollment e = rig.store.enrollment("h" + i, "abandoned-cart").orElseThrow();
            assertEquals(e.holdout(), rig.sentTo("h" + i + "@example.com").isEmpty());
        }
    }

    @Test
    void duplicateDeliveriesAndRacingSweepsSendExactlyOnce() throws Exception {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        rig.customer("p8", Map.of("email", "x@example.com"), Channel.EMAIL);
        JourneyEvent added = new JourneyEvent("p8", "Product Added", rig.clock.instant(), "m-1");
        Concurrently.run(8, i -> rig.engine.onEvent(added));
        rig.engine.onEvent(added);
        rig.clock.advance(Duration.ofHours(2));
        Concurrently.run(8, i -> {
            rig.engine.sweep(10);
            rig.engine.onEvent(added);
        });
        rig.engine.sweep(10);
        assertEquals(1, rig.sent.size(), "one reminder however often the event and the sweep arrive");
        assertEquals(1, rig.store.counters("abandoned-cart").get(1).get("triggered"));
    }

    @Test
    void aTransientChannelFaultRetriesTheSameStepAndStillSendsOnce() {
        EngineRig rig = new EngineRig();
        rig.define(noHoldout());
        int[] calls = {0};
        rig.senders.put(
                Channel.EMAIL, message -> ++calls[0] == 1 ? SendResult.retry("HTTP 503") : SendResult.sent("ok"));
        EngineRig retrying = new EngineRig();
        JourneyEngine engine = new JourneyEngine(
                retrying.store,
                id -> java.util.Optional.ofNullable(retrying.customers.get(id)),
                (c, p) -> java.util.Optional.empty(),
                rig.senders,
                SendingLimits.DEFAULT,
                new Links("https://x", "s"),
                retrying.clock);
        retrying.define(noHoldout());
        retrying.customer("p9", Map.of("email", "r@example.com"), Channel.EMAIL);
        engine.onEvent(new JourneyEvent("p9", "Product Added", retrying.clock.instant(), "m"));
        retrying.clock.advance(Duration.ofHours(2));
        engine.sweep(10);
        assertEquals(1, calls[0]);
        retrying.clock.advance(Duration.ofMinutes(11));
        engine.sweep(10);
        engine.sweep(10);
        assertEquals(2, calls[0], "retried once, then done");
        assertEquals(1, retrying.store.counters("abandoned-cart").get(1).get("sent"));
    }
}
