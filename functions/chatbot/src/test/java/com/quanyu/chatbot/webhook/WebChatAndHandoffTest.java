package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class WebChatAndHandoffTest {
    private final ChatTestRig rig;

    WebChatAndHandoffTest(StandIns aws) {
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void askingForAHumanStopsTheBotUntilAnAgentReleasesTheConversation() throws Exception {
        String user = "visitor-" + rig.run;
        JsonNode first = body(rig.web(user, "w1", "我要转人工"));
        assertTrue(first.path("handoff").asBoolean(), first.toString());
        JsonNode silent = body(rig.web(user, "w2", "还在吗？"));
        assertEquals("", silent.path("reply").asText(), "the bot stays silent while an agent has the conversation");

        var queue = rig.call("GET", "/v1/chat/handoffs", Map.of(), Map.of(), null);
        assertEquals(200, queue.getStatusCode());
        assertTrue(
                queue.getBody().contains(user)
                        && queue.getBody().contains("customer_asked")
                        && queue.getBody().contains("还在吗"),
                "the queue item names the user, the reason and the transcript: " + queue.getBody());
        assertEquals(
                401, rig.callAs(List.of(), "GET", "/v1/chat/handoffs", null).getStatusCode(), "no staff token");
        assertEquals(
                403,
                rig.callAs(List.of("analyst"), "GET", "/v1/chat/handoffs", null).getStatusCode(),
                "not an agent");
        assertEquals(
                200,
                rig.callAs(List.of("agent"), "GET", "/v1/chat/handoffs", null).getStatusCode());

        String release = "{\"platform\":\"web\",\"userId\":\"" + user + "\"}";
        assertEquals(
                200,
                rig.call("POST", "/v1/chat/handoffs/release", Map.of(), Map.of(), release)
                        .getStatusCode());
        assertEquals(
                404,
                rig.call("POST", "/v1/chat/handoffs/release", Map.of(), Map.of(), release)
                        .getStatusCode());
        assertFalse(rig.call("GET", "/v1/chat/handoffs", Map.of(), Map.of(), null)
                .getBody()
                .contains(user));
        JsonNode back = body(rig.web(user, "w3", "你好"));
        assertTrue(back.path("reply").asText().contains("您好"), back.toString());
    }

    @Test
    void veryNegativeMessagesAndRepeatedMisunderstandingHandOver() throws Exception {
        JsonNode angry = body(rig.web("angry-" + rig.run, "a1", "你们就是骗子，垃圾服务，我要报警！！！"));
        assertTrue(angry.path("handoff").asBoolean(), angry.toString());
        String lost = "lost-" + rig.run;
        // small talk is answered with what the bot can do; only shop questions it keeps failing hand over
        JsonNode offTopic = body(rig.web(lost, "l0", "blorp zzgl qwx"));
        assertFalse(offTopic.path("handoff").asBoolean(), offTopic.toString());
        assertTrue(offTopic.path("reply").asText().contains("track orders"), offTopic.toString());
        JsonNode once = body(rig.web(lost, "l1", "my parcel blorp zzgl fnord wibble"));
        assertFalse(once.path("handoff").asBoolean(), once.toString());
        assertTrue(once.path("reply").asText().contains("rephrase"), once.toString());
        JsonNode twice = body(rig.web(lost, "l2", "fnord wibble plonk order"));
        assertTrue(twice.path("handoff").asBoolean(), twice.toString());
    }

    @Test
    void oddInputIsAnsweredGracefullyNeverWithA5xx() throws Exception {
        for (String text : new String[] {
            "😀😀😀",
            "🙏 我的order到哪了??",
            "ｈｅｌｌｏ　ＲＥＦＵＮＤ",
            "\u0000\u202e",
            "",
            "订单".repeat(3000),
            "ok",
            "Ñandú 👍 返金してください"
        }) {
            // a user per text: two misunderstood texts in a row would (rightly) hand the chat to a person
            var response = rig.web("odd-" + rig.run + text.hashCode(), "odd", text);
            assertEquals(200, response.getStatusCode(), text + " -> " + response.getBody());
            assertFalse(body(response).path("reply").asText().isEmpty(), text);
        }
        var huge = rig.web(
                "{\"userId\":\"u\",\"messageId\":\"h\",\"text\":\"" + "x".repeat(300_000) + "\"}",
                Instant.now().getEpochSecond());
        assertEquals(413, huge.getStatusCode());
    }

    /** Issue #12: placeholder user ids get an answer (the turn identifies nobody, so nothing is recorded), never a 500. */
    @Test
    void placeholderUserIdsAreAnsweredAndControlCharactersRefused() throws Exception {
        for (String userId : new String[] {"0", "null", "undefined", "anonymous", "-1", "NULL"}) {
            var response = rig.web(userId, "ph-" + rig.run + userId, "where is my order?");
            assertEquals(200, response.getStatusCode(), userId + " -> " + response.getBody());
        }
        var nul = rig.web(
                "{\"userId\":\"u\\u0000x\",\"messageId\":\"n-" + rig.run + "\",\"text\":\"hi\"}",
                Instant.now().getEpochSecond());
        assertEquals(400, nul.getStatusCode(), nul.getBody());
    }

    @Test
    void signaturesTimestampsAndFieldsAreChecked() throws Exception {
        String body = "{\"userId\":\"u-" + rig.run + "\",\"messageId\":\"s1\",\"text\":\"hi\"}";
        assertEquals(
                401, rig.web(body, Instant.now().getEpochSecond() - 3600).getStatusCode(), "a replayed old request");
        assertEquals(
                401,
                rig.call(
                                "POST",
                                "/v1/chat/web",
                                Map.of("x-quanyu-timestamp", "1", "x-quanyu-signature", "00"),
                                Map.of(),
                                body)
                        .getStatusCode());
        var missing =
                rig.web("{\"userId\":\"u\",\"text\":\"hi\"}", Instant.now().getEpochSecond());
        assertEquals(400, missing.getStatusCode());
        assertTrue(missing.getBody().contains("messageId"), missing.getBody());
        assertEquals(400, rig.web("[1,2]", Instant.now().getEpochSecond()).getStatusCode());
        JsonNode first = body(rig.web(body, Instant.now().getEpochSecond()));
        JsonNode repeat = body(rig.web(body, Instant.now().getEpochSecond()));
        assertEquals("answered", first.path("status").asText());
        assertEquals("duplicate", repeat.path("status").asText());
        assertEquals(first.path("reply"), repeat.path("reply"), "a repeated messageId gets the same reply");
    }

    private static JsonNode body(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse response)
            throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parse(response.getBody());
    }
}
