package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.dialogue.Reply;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web shop's chat widget: {@code POST /v1/chat/web} with a JSON body
 * {@code {"userId", "messageId", "text", "shopUserId"?}}, signed by the shop's backend with
 * {@code X-Quanyu-Timestamp} (Unix seconds) and {@code X-Quanyu-Signature} = hex HMAC-SHA256 of
 * {@code "<timestamp>.<raw body>"} with the web chat key. Requests outside a 5-minute window are
 * replays; a repeated messageId returns the same reply without answering again.
 */
final class WebChatEndpoint {
    private final ChatbotConfig config;
    private final ChatService chat;
    private final Clock clock;

    WebChatEndpoint(ChatbotConfig config, ChatService chat, Clock clock) {
        this.config = config;
        this.chat = chat;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse receive(ApiRequest request) {
        String key = ChatbotConfig.secret(config.webChatKey(), "Web chat");
        byte[] body = Webhooks.body(request);
        String timestamp = request.header("x-quanyu-timestamp").orElse("");
        byte[] signed = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, data, 0, signed.length);
        System.arraycopy(body, 0, data, signed.length, body.length);
        if (!Signatures.constantTimeEquals(
                Signatures.hex(Signatures.hmacSha256(key, data)),
                request.header("x-quanyu-signature").orElse(""))) {
            throw ApiException.unauthorized("X-Quanyu-Signature does not match timestamp and body");
        }
        Webhooks.checkFresh(timestamp, clock.instant());
        JsonNode json = MetaWebhook.json(body);
        String userId = field(json, "userId", 128);
        String messageId = field(json, "messageId", 128);
        if (!json.path("text").isTextual()) {
            throw ApiException.invalidField("text", "is required and must be a string");
        }
        Map<String, String> context = new HashMap<>();
        if (json.path("shopUserId").isTextual()
                && !json.get("shopUserId").asText().isBlank()) {
            context.put("shopUserId", json.get("shopUserId").asText());
        }
        InboundMessage message = new InboundMessage(
                Platform.WEB,
                userId,
                messageId,
                json.get("text").asText(),
                clock.instant(),
                json.path("language").asText(null),
                context);
        ChatService.Outcome outcome = Webhooks.handle(chat, message, ReplySender.INLINE);
        Map<String, Object> response = new LinkedHashMap<>();
        Reply reply = outcome.reply();
        response.put("messageId", messageId);
        response.put("status", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
        if (reply != null) {
            response.put("reply", reply.text());
            response.put("language", reply.language());
            response.put("intent", reply.intent());
            response.put("handoff", reply.handoff());
            if (reply.action() != null) {
                response.put("action", reply.action());
            }
        }
        return ApiResponses.ok(response);
    }

    private static String field(JsonNode json, String name, int maxLength) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalidField(name, "is required and must be a non-empty string");
        }
        if (value.asText().length() > maxLength) {
            throw ApiException.invalidField(name, "is longer than " + maxLength + " characters");
        }
        if (value.asText().codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(name, "contains control characters");
        }
        return value.asText();
    }
}
