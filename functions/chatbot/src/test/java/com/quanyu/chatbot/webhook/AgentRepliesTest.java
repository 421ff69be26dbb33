package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.chatbot.PlatformStandIn.Recorded;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent answers a handed-over customer on WeChat (customer-service message with an access token),
 * WhatsApp (through the business number the customer wrote to, kept in the queue) and web chat (the
 * shop's widget polls the agent's lines); the platform stand-in records what each API was sent.
 */
@ExtendWith(AwsStandInsExtension.class)
class AgentRepliesTest {
    private static final String ASK_FOR_A_PERSON = "I want to talk to a human agent";

    private final ChatTestRig rig;

    AgentRepliesTest(StandIns aws) {
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void weChatReplyIsACustomerServiceMessageWithAnAccessToken() throws Exception {
        String openId = "oWx" + rig.run;
        assertEquals(
                200,
                rig.wechat(openId, "9" + System.nanoTime() % 1_000_000_000L, ASK_FOR_A_PERSON)
                        .getStatusCode());
        assertEquals(200, reply("wechat", openId, "您好，我是客服小美", "a1").getStatusCode(), "sent");

        List<Recorded> sent = rig.platform.requestsMentioning(openId);
        assertEquals(1, sent.size(), sent.toString());
        Recorded message = sent.getFirst();
        assertEquals("/cgi-bin/message/custom/send", message.path());
        assertEquals("text", message.json().path("msgtype").asText());
        assertEquals("您好，我是客服小美", message.json().path("text").path("content").asText());
        assertTrue(
                rig.platform.requests().stream()
                        .anyMatch(r -> r.path().equals("/cgi-bin/stable_token")
                                && r.json().path("appid").asText().equals("wx-test-app")),
                "the access token comes from stable_token with the account's app id");
    }

    @Test
    void whatsAppReplyGoesThroughTheBusinessNumberTheCustomerWroteTo() throws Exception {
        String waId = "8613" + (System.nanoTime() % 1_000_000_000L);
        assertEquals(
                200,
                rig.meta(ChatTestRig.whatsapp(waId, "wamid." + rig.run, ASK_FOR_A_PERSON))
                        .getStatusCode());
        JsonNode queue = Json.parse(
                rig.callAs(List.of("agent"), "GET", "/v1/chat/handoffs", null).getBody());
        assertTrue(queue.toString().contains("PNID77"), "the queue keeps the business number id: " + queue);

        assertEquals(
                200,
                reply("whatsapp", waId, "Hi, this is Mei from support", "a2").getStatusCode());
        List<Recorded> sent = rig.platform.requestsMentioning(waId).stream()
                .filter(r -> r.body().contains("Mei from support"))
                .toList();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals("/v21.0/PNID77/messages", sent.getFirst().path());
        assertEquals(
                "whatsapp", sent.getFirst().json().path("messaging_product").asText());
        assertEquals(waId, sent.getFirst().json().path("to").asText());
    }

    @Test
    void webWidgetPollsTheAgentsReply() throws Exception {
        String visitor = "visitor-" + rig.run;
        assertTrue(Json.parse(rig.web(visitor, "w1", ASK_FOR_A_PERSON).getBody())
                .path("handoff")
                .asBoolean());
        JsonNode before = poll(visitor, null);
        assertTrue(before.path("waitingForAgent").asBoolean(), before.toString());
        assertEquals(0, before.path("messages").size(), "nothing from an agent yet");

        assertEquals(
                200,
                reply("web", visitor, "Hello, Mei here. How can I help?", "a3").getStatusCode());
        JsonNode after = poll(visitor, null);
        assertEquals(1, after.path("messages").size(), after.toString());
        JsonNode line = after.path("messages").get(0);
        assertEquals("Hello, Mei here. How can I help?", line.path("text").asText());
        assertEquals("agent", line.path("role").asText());
        assertEquals(0, poll(visitor, line.path("at").asText()).path("messages").size(), "only newer lines");

        assertEquals(
                401,
                rig.call(
                                "POST",
                                "/v1/chat/web/poll",
                                Map.of("x-quanyu-timestamp", "1", "x-quanyu-signature", "00"),
                                Map.of(),
                                "{\"userId\":\"" + visitor + "\"}")
                        .getStatusCode(),
                "unsigned polls get nothing");
        assertEquals(
                400,
                rig.webSigned(
                                "/v1/chat/web/poll",
                                "{\"userId\":\"" + visitor + "\",\"after\":\"yesterday\"}",
                                Instant.now().getEpochSecond())
                        .getStatusCode());
        assertEquals(
                200,
                rig.callAs(
                                List.of("agent"),
                                "POST",
                                "/v1/chat/handoffs/release",
                                "{\"platform\":\"web\",\"userId\":\"" + visitor + "\"}")
                        .getStatusCode());
        assertFalse(poll(visitor, null).path("waitingForAgent").asBoolean(), "back with the bot");
    }

    private APIGatewayV2HTTPResponse reply(String platform, String userId, String text, String messageId) {
        return rig.callAs(
                List.of("agent"),
                "POST",
                "/v1/chat/handoffs/reply",
                "{\"platform\":\"" + platform + "\",\"userId\":\"" + userId + "\",\"text\":" + Json.write(text)
                        + ",\"messageId\":\"" + messageId + rig.run + "\"}");
    }

    private JsonNode poll(String userId, String after) throws Exception {
        String body = "{\"userId\":\"" + userId + "\"" + (after == null ? "" : ",\"after\":\"" + after + "\"") + "}";
        APIGatewayV2HTTPResponse response =
                rig.webSigned("/v1/chat/web/poll", body, Instant.now().getEpochSecond());
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }
}
