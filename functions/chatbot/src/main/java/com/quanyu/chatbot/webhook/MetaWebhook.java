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
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Meta webhooks for Messenger ({@code object=page}), Instagram ({@code object=instagram}) and the
 * WhatsApp Cloud API ({@code object=whatsapp_business_account}): {@code GET} subscription check with
 * {@code hub.verify_token}/{@code hub.challenge}; {@code POST} signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. Each message is
 * deduplicated by its message id; replies go out through the Send API.
 */
final class MetaWebhook {
    private final ChatbotConfig config;
    private final ChatService chat;
    private final ReplySender sender;

    MetaWebhook(ChatbotConfig config, ChatService chat, ReplySender sender) {
        this.config = config;
        this.chat = chat;
        this.sender = sender;
    }

    APIGatewayV2HTTPResponse verify(ApiRequest request) {
        String verifyToken = ChatbotConfig.secret(config.metaVerifyToken(), "Meta");
        if (!"subscribe".equals(request.queryParameter("hub.mode").orElse(""))
                || !Signatures.constantTimeEquals(
                        verifyToken, request.queryParameter("hub.verify_token").orElse(""))) {
            throw ApiException.forbidden("hub.verify_token does not match");
        }
        String challenge = request.queryParameter("hub.challenge")
                .orElseThrow(() -> ApiException.invalidField("hub.challenge", "is required"));
        return ApiResponses.text(200, "text/plain; charset=utf-8", challenge);
    }

    APIGatewayV2HTTPResponse receive(ApiRequest request) {
        String appSecret = ChatbotConfig.secret(config.metaAppSecret(), "Meta");
        byte[] body = Webhooks.body(request);
        String header = request.header("x-hub-signature-256").orElse("");
        String expected = "sha256=" + Signatures.hex(Signatures.hmacSha256(appSecret, body));
        if (!Signatures.constantTimeEquals(expected, header)) {
            throw ApiException.unauthorized("X-Hub-Signature-256 does not match the body");
        }
        JsonNode root = json(body);
        for (InboundMessage message : messages(root)) {
            Webhooks.handle(chat, message, sender);
        }
        return ApiResponses.text(200, "text/plain", "EVENT_RECEIVED");
    }

    static List<InboundMessage> messages(JsonNode root) {
        String object = root.path("object").asText("");
        List<InboundMessage> messages = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            if (object.equals("whatsapp_business_account")) {
                for (JsonNode change : entry.path("changes")) {
                    JsonNode value = change.path("value");
                    String phoneNumberId =
                            value.path("metadata").path("phone_number_id").asText("");
                    for (JsonNode m : value.path("messages")) {
                        if (!m.hasNonNull("id") || !m.hasNonNull("from")) {
                            continue;
                        }
                        String text = m.path("type").asText("").equals("text")
                                ? m.path("text").path("body").asText("")
                                : "";
                        messages.add(new InboundMessage(
                                Platform.WHATSAPP,
                                m.get("from").asText(),
                                m.get("id").asText(),
                                text,
                                Instant.ofEpochSecond(m.path("timestamp").asLong(0)),
                                null,
                                Map.of("phoneNumberId", phoneNumberId)));
                    }
                }
            } else if (object.equals("page") || object.equals("instagram")) {
                Platform platform = object.equals("page") ? Platform.MESSENGER : Platform.INSTAGRAM;
                for (JsonNode event : entry.path("messaging")) {
                    JsonNode m = event.path("message");
                    // echoes of the page's own messages, deliveries and reads carry nothing to answer
                    if (!m.hasNonNull("mid")
                            || m.path("is_echo").asBoolean(false)
                            || !event.path("sender").hasNonNull("id")) {
                        continue;
                    }
                    messages.add(new InboundMessage(
                            platform,
                            event.path("sender").get("id").asText(),
                            m.get("mid").asText(),
                            m.path("text").asText(""),
                            Instant.ofEpochMilli(event.path("timestamp").asLong(0)),
                            null,
                            Map.of()));
                }
            } else {
                throw ApiException.invalidField("object", "unsupported webhook object '" + object + "'");
            }
        }
        return messages;
    }

    static JsonNode json(byte[] body) {
        try {
            JsonNode node = Json.parse(new String(body, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("webhook body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "webhook body is not valid JSON");
        }
    }
}
