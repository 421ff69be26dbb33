package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.chatbot.PlatformStandIn.Recorded;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class LineAndTelegramWebhookTest {
    private final ChatTestRig rig;

    LineAndTelegramWebhookTest(StandIns aws) {
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void lineConversationInBothLanguagesUsesTheReplyTokenThenPushForRedelivery() {
        String user = "U" + rig.run;
        assertEquals(
                200,
                rig.line(ChatTestRig.lineText(user, "E1" + rig.run, "rt-1-" + rig.run, "你好", false))
                        .getStatusCode());
        assertEquals(
                200,
                rig.line(ChatTestRig.lineText(
                                user, "E2" + rig.run, "rt-2-" + rig.run, "how long does delivery take?", false))
                        .getStatusCode());
        assertEquals(
                200,
                rig.line(ChatTestRig.lineText(
                                user, "E2" + rig.run, "rt-2b-" + rig.run, "how long does delivery take?", true))
                        .getStatusCode());
        assertEquals(
                200,
                rig.line(ChatTestRig.lineText(user, "E3" + rig.run, "rt-3-" + rig.run, "有什麼優惠活動嗎？", true))
                        .getStatusCode());

        List<Recorded> sent = rig.platform.requests().stream()
                .filter(r -> r.body().contains("rt-1-" + rig.run)
                        || r.body().contains("rt-2-" + rig.run)
                        || r.body().contains(user))
                .toList();
        assertEquals(3, sent.size(), "the redelivered E2 is not answered again");
        assertEquals("/v2/bot/message/reply", sent.get(0).path());
        assertEquals("Bearer line-access", sent.get(0).headers().get("authorization"));
        assertTrue(
                sent.get(0).json().path("messages").get(0).path("text").asText().contains("您好"));
        assertTrue(
                sent.get(1).json().path("messages").get(0).path("text").asText().contains("days"),
                sent.get(1).body());
        Recorded push = sent.get(2);
        assertEquals("/v2/bot/message/push", push.path());
        assertEquals(user, push.json().path("to").asText());
        assertTrue(push.headers().containsKey("x-line-retry-key"));
    }

    @Test
    void lineRejectsBadSignaturesAndAcceptsTheEmptyVerifyCall() {
        String body = ChatTestRig.lineText("U1", "E", "rt", "hi", false);
        assertEquals(
                401,
                rig.call(
                                "POST",
                                "/v1/chat/line",
                                java.util.Map.of("x-line-signature", "AAAA"),
                                java.util.Map.of(),
                                body)
                        .getStatusCode());
        assertEquals(200, rig.line("{\"destination\":\"U\",\"events\":[]}").getStatusCode());
        assertEquals(400, rig.line("not json").getStatusCode());
    }

    @Test
    void telegramAnswersEachUpdateOnceInTheUsersLanguage() {
        long user = 700_000 + (System.nanoTime() % 100_000);
        long update = System.nanoTime() % 1_000_000_000L;
        assertEquals(
                401,
                rig.telegram("wrong", ChatTestRig.telegramUpdate(update, user, "hi"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.telegram(
                                ChatTestRig.TELEGRAM_SECRET,
                                ChatTestRig.telegramUpdate(update, user, "I forgot my password"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.telegram(
                                ChatTestRig.TELEGRAM_SECRET,
                                ChatTestRig.telegramUpdate(update, user, "I forgot my password"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.telegram(ChatTestRig.TELEGRAM_SECRET, ChatTestRig.telegramUpdate(update + 1, user, "怎么开发票"))
                        .getStatusCode());
        List<Recorded> sent = rig.platform.requests().stream()
                .filter(r -> r.body().contains("\"chat_id\":" + user))
                .toList();
        assertEquals(2, sent.size(), "update_id dedupe: the repeated update is not answered");
        assertEquals(
                "/bot" + ChatTestRig.TELEGRAM_BOT + "/sendMessage", sent.get(0).path());
        assertTrue(
                sent.get(0).json().path("text").asText().contains("Forgot password"),
                sent.get(0).body());
        assertTrue(
                sent.get(1).json().path("text").asText().contains("发票"),
                sent.get(1).body());
        assertEquals(
                400,
                rig.telegram(ChatTestRig.TELEGRAM_SECRET, "{\"message\":{}}").getStatusCode(),
                "update_id is required");
    }

    @Test
    void aStopReplyWithdrawsMarketingConsentOnThatPlatform() {
        long user = 800_000 + (System.nanoTime() % 100_000);
        long update = System.nanoTime() % 1_000_000_000L;
        assertEquals(
                200,
                rig.telegram(ChatTestRig.TELEGRAM_SECRET, ChatTestRig.telegramUpdate(update, user, "退订"))
                        .getStatusCode());
        var profile = com.quanyu.shared.customer.store.CustomerStores.fromEnv(rig.env)
                .profiles()
                .resolve(com.quanyu.shared.customer.IdentifierType.TELEGRAM_USER_ID, Long.toString(user))
                .orElseThrow();
        var consent = profile.consent().get("messaging.telegram");
        assertEquals(false, consent.granted());
        assertEquals("chat-stop", consent.source());
    }

    @Test
    void anAgentAnswersAHandedOverTelegramChatThroughTelegramThenHandsItBack() {
        long user = 800_000 + (System.nanoTime() % 100_000);
        long update = System.nanoTime() % 1_000_000_000L;
        java.util.Map<String, String> agent = java.util.Map.of(); // the rig calls as signed-in staff
        String reply = "{\"platform\":\"telegram\",\"userId\":\"" + user
                + "\",\"text\":\"Hello, this is Mei from support\",\"messageId\":\"a1-" + user + "\"}";
        assertEquals(
                404,
                rig.call("POST", "/v1/chat/handoffs/reply", agent, java.util.Map.of(), reply)
                        .getStatusCode(),
                "not handed over yet");
        assertEquals(
                200,
                rig.telegram(
                                ChatTestRig.TELEGRAM_SECRET,
                                ChatTestRig.telegramUpdate(update, user, "I want to talk to a human agent"))
                        .getStatusCode());

        assertEquals(
                400,
                rig.call(
                                "POST",
                                "/v1/chat/handoffs/reply",
                                agent,
                                java.util.Map.of(),
                                reply.replace("Hello, this is Mei from support", ""))
                        .getStatusCode());
        assertEquals(
                422,
                rig.call(
                                "POST",
                                "/v1/chat/handoffs/reply",
                                agent,
                                java.util.Map.of(),
                                reply.replace("telegram", "wechat"))
                        .getStatusCode());
        assertEquals(
                200,
                rig.call("POST", "/v1/chat/handoffs/reply", agent, java.util.Map.of(), reply)
                        .getStatusCode());

        List<Recorded> sent = rig.platform.requests().stream()
                .filter(r -> r.body().contains("Mei from support"))
                .toList();
        assertEquals(1, sent.size());
        assertEquals(
                "/bot" + ChatTestRig.TELEGRAM_BOT + "/sendMessage", sent.get(0).path());
        assertEquals(user, sent.get(0).json().path("chat_id").asLong());
        var queue = rig.call("GET", "/v1/chat/handoffs", agent, java.util.Map.of(), null)
                .getBody();
        assertTrue(queue.contains("\"role\":\"agent\"") && queue.contains("Mei from support"), queue);

        String release = "{\"platform\":\"telegram\",\"userId\":\"" + user + "\"}";
        assertEquals(
                200,
                rig.call("POST", "/v1/chat/handoffs/release", agent, java.util.Map.of(), release)
                        .getStatusCode());
        assertEquals(
                404,
                rig.call("POST", "/v1/chat/handoffs/reply", agent, java.util.Map.of(), reply)
                        .getStatusCode(),
                "back with the bot");
    }
}
