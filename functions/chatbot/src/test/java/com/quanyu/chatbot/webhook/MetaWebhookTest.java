package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.chatbot.PlatformStandIn.Recorded;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class MetaWebhookTest {
    private final ChatTestRig rig;

    MetaWebhookTest(StandIns aws) {
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void subscriptionChallengeNeedsTheVerifyToken() {
        var ok = rig.call(
                "GET",
                "/v1/chat/meta",
                Map.of(),
                Map.of(
                        "hub.mode",
                        "subscribe",
                        "hub.verify_token",
                        ChatTestRig.META_VERIFY,
                        "hub.challenge",
                        "1158201444"),
                null);
        assertEquals(200, ok.getStatusCode());
        assertEquals("1158201444", ok.getBody());
        assertEquals(
                403,
                rig.call(
                                "GET",
                                "/v1/chat/meta",
                                Map.of(),
                                Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1"),
                                null)
                        .getStatusCode());
    }

    @Test
    void englishMessengerConversationWithSlotFillingCarryOverAndCancel() {
        var customer = rig.webShopCustomerWithOrder();
        var other = rig.webShopCustomerWithOrder();
        String psid = "psid-" + rig.run;

        assertEquals(
                200,
                rig.meta(ChatTestRig.messenger(psid, "mid.1" + rig.run, "hi there"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.meta(ChatTestRig.messenger(psid, "mid.2" + rig.run, "where is my order?"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.meta(ChatTestRig.messenger(psid, "mid.3" + rig.run, "never mind"))
                        .getStatusCode());
        rig.meta(ChatTestRig.messenger(psid, "mid.4" + rig.run, "track order " + customer.orderId() + " please"));
        rig.meta(ChatTestRig.messenger(psid, "mid.5" + rig.run, "and what about " + other.orderId()));
        rig.meta(ChatTestRig.messenger(psid, "mid.6" + rig.run, "and the other one?"));

        List<Recorded> sent = rig.platform.requestsMentioning(psid);
        assertEquals(6, sent.size(), "one reply per message");
        for (Recorded r : sent) {
            assertEquals("/v21.0/me/messages", r.path());
            assertEquals("Bearer meta-access", r.headers().get("authorization"));
            assertEquals("RESPONSE", r.json().path("messaging_type").asText());
        }
        assertTrue(text(sent.get(0)).startsWith("Hi!"), text(sent.get(0)));
        assertTrue(text(sent.get(1)).contains("order number"), text(sent.get(1)));
        assertTrue(text(sent.get(2)).contains("never mind"), text(sent.get(2)));
        assertTrue(text(sent.get(3)).contains(customer.orderId()), text(sent.get(3)));
        assertTrue(
                text(sent.get(4)).contains(other.orderId()),
                "a bare order number carries the last question: " + text(sent.get(4)));
        assertTrue(
                text(sent.get(5)).contains(customer.orderId()),
                "'the other one' is the earlier order: " + text(sent.get(5)));
    }

    @Test
    void chineseInstagramConversationAsksForTheOrderAndGuardsItsDetails() {
        var customer = rig.webShopCustomerWithOrder();
        String igsid = "ig-" + rig.run;
        rig.meta(ChatTestRig.instagram(igsid, "ig.1" + rig.run, "哈喽"));
        rig.meta(ChatTestRig.instagram(igsid, "ig.2" + rig.run, "东西坏了我要退款"));
        rig.meta(ChatTestRig.instagram(igsid, "ig.3" + rig.run, "订单号是" + customer.orderId()));
        rig.meta(ChatTestRig.instagram(igsid, "ig.4" + rig.run, "我的手机号 " + customer.phone()));
        rig.meta(ChatTestRig.instagram(igsid, "ig.5" + rig.run, "那帮我退款 " + customer.orderId()));
        // the order is paid but not shipped: a refund means cancelling it (the order's state decides what is possible)
        rig.meta(ChatTestRig.instagram(igsid, "ig.6" + rig.run, "那取消订单"));
        List<Recorded> sent = rig.platform.requestsMentioning(igsid);
        assertEquals(6, sent.size());
        assertTrue(text(sent.get(0)).contains("您好"), text(sent.get(0)));
        assertTrue(text(sent.get(1)).contains("订单号"), text(sent.get(1)));
        assertTrue(
                text(sent.get(2)).contains("手机号") && !text(sent.get(2)).contains("龙井"),
                "status only: " + text(sent.get(2)));
        assertTrue(
                text(sent.get(4)).contains("取消订单")
                        && text(sent.get(4)).contains(customer.orderId())
                        && !text(sent.get(4)).contains("工作日"),
                text(sent.get(4)));
        assertTrue(
                text(sent.get(5)).contains("取消") && text(sent.get(5)).contains(customer.orderId()), text(sent.get(5)));
        var queue = rig.call("GET", "/v1/chat/handoffs", Map.of(), Map.of("limit", "200"), null)
                .getBody();
        assertTrue(
                queue.contains(igsid) && queue.contains("cancel_order"),
                "the cancellation went to the agents' queue: " + queue);
    }

    @Test
    void retriedDeliveriesAreAnsweredOnceAndFailedSendsAreRetried() {
        String psid = "psid-retry-" + rig.run;
        String body = ChatTestRig.messenger(psid, "mid.r" + rig.run, "do you have any coupons?");
        rig.platform.failNext(1);
        var failed = rig.meta(body);
        assertEquals(503, failed.getStatusCode(), "Meta retries on a non-200: " + failed.getBody());
        assertEquals(200, rig.meta(body).getStatusCode());
        assertEquals(200, rig.meta(body).getStatusCode());
        assertEquals(
                2, rig.platform.requestsMentioning(psid).size(), "one failed attempt, one delivered reply, no third");
    }

    @Test
    void whatsappRepliesGoToThePhoneNumberIdInTheCloudApiFormat() {
        String waId = "8613" + (System.nanoTime() % 1_000_000_000L);
        assertEquals(
                200,
                rig.meta(ChatTestRig.whatsapp(waId, "wamid." + rig.run, "我要退款")).getStatusCode());
        Recorded sent = rig.platform.requestsMentioning(waId).get(0);
        assertEquals("/v21.0/PNID77/messages", sent.path());
        assertEquals("whatsapp", sent.json().path("messaging_product").asText());
        assertEquals(waId, sent.json().path("to").asText());
        assertTrue(sent.json().path("text").path("body").asText().contains("订单号"), sent.body());
    }

    @Test
    void unsignedMisSignedAndMalformedBodiesAreRejected() {
        String body = ChatTestRig.messenger("p", "mid.x", "hi");
        assertEquals(
                401, rig.call("POST", "/v1/chat/meta", Map.of(), Map.of(), body).getStatusCode());
        assertEquals(
                401,
                rig.call("POST", "/v1/chat/meta", Map.of("X-Hub-Signature-256", "sha256=00"), Map.of(), body)
                        .getStatusCode());
        var tampered = rig.call(
                "POST",
                "/v1/chat/meta",
                Map.of(
                        "X-Hub-Signature-256",
                        "sha256="
                                + com.quanyu.chatbot.platform.Signatures.hex(
                                        com.quanyu.chatbot.platform.Signatures.hmacSha256(
                                                ChatTestRig.META_SECRET, body.getBytes()))),
                Map.of(),
                body.replace("hi", "ho"));
        assertEquals(401, tampered.getStatusCode());
        var malformed = rig.meta("{\"object\":\"page\",\"entry\":[");
        assertEquals(400, malformed.getStatusCode());
        assertTrue(malformed.getBody().contains("malformed_json"), malformed.getBody());
        assertEquals(
                400, rig.meta("{\"object\":\"something_else\",\"entry\":[{}]}").getStatusCode());
        assertEquals(
                200,
                rig.meta(
                                "{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{\"id\":\"p\"},\"delivery\":{}}]}]}")
                        .getStatusCode(),
                "delivery receipts are acknowledged, not answered");
    }

    private static String text(Recorded r) {
        return r.json().path("message").path("text").asText();
    }
}
