package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * LINE Messaging API webhook: {@code x-line-signature} is the Base64 HMAC-SHA256 of the raw body
 * with the channel secret. Events are deduplicated by {@code webhookEventId}; text messages are
 * answered with the reply token (or a push, for redeliveries). An empty event list is LINE's
 * "verify" button and gets 200.
 */
final class LineWebhook {
    private final ChatbotConfig config;
    private final ChatService chat;
    private final ReplySender sender;

    LineWebhook(ChatbotConfig config, ChatService chat, ReplySender sender) {
        this.config = config;
        this.chat = chat;
        this.sender = sender;
    }

    APIGatewayV2HTTPResponse receive(ApiRequest request) {
        String channelSecret = ChatbotConfig.secret(config.lineChannelSecret(), "LINE");
        byte[] body = Webhooks.body(request);
        String expected = Base64.getEncoder().encodeToString(Signatures.hmacSha256(channelSecret, body));
        if (!Signatures.constantTimeEquals(
                expected, request.header("x-line-signature").orElse(""))) {
            throw ApiException.unauthorized("x-line-signature does not match the body");
        }
        JsonNode root = MetaWebhook.json(body);
        for (JsonNode event : root.path("events")) {
            if (!event.path("type").asText("").equals("message")
                    || !event.path("source").hasNonNull("userId")) {
                continue; // follow, unfollow, postback, group events without a user: nothing to answer
            }
            JsonNode m = event.path("message");
            String id = event.hasNonNull("webhookEventId")
                    ? event.get("webhookEventId").asText()
                    : m.path("id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            Map<String, String> context = new HashMap<>();
            if (event.hasNonNull("replyToken")) {
                context.put("replyToken", event.get("replyToken").asText());
            }
            context.put(
                    "redelivery",
                    Boolean.toString(
                            event.path("deliveryContext").path("isRedelivery").asBoolean(false)));
            String text =
                    m.path("type").asText("").equals("text") ? m.path("text").asText("") : "";
            Webhooks.handle(
                    chat,
                    new InboundMessage(
                            Platform.LINE,
                            event.path("source").get("userId").asText(),
                            id,
                            text,
                            Instant.ofEpochMilli(event.path("timestamp").asLong(0)),
                            null,
                            context),
                    sender);
        }
        return ApiResponses.ok(Map.of());
    }
}
