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
import java.util.Map;

/**
 * Telegram Bot API webhook: the {@code X-Telegram-Bot-Api-Secret-Token} header must equal the
 * secret set with setWebhook. Updates are deduplicated by {@code update_id}; only new messages
 * from people (not bots, not edits) are answered, through sendMessage.
 */
final class TelegramWebhook {
    private final ChatbotConfig config;
    private final ChatService chat;
    private final ReplySender sender;

    TelegramWebhook(ChatbotConfig config, ChatService chat, ReplySender sender) {
        this.config = config;
        this.chat = chat;
        this.sender = sender;
    }

    APIGatewayV2HTTPResponse receive(ApiRequest request) {
        String secretToken = ChatbotConfig.secret(config.telegramSecretToken(), "Telegram");
        if (!Signatures.constantTimeEquals(
                secretToken, request.header("x-telegram-bot-api-secret-token").orElse(""))) {
            throw ApiException.unauthorized("X-Telegram-Bot-Api-Secret-Token does not match");
        }
        JsonNode update = MetaWebhook.json(Webhooks.body(request));
        if (!update.path("update_id").canConvertToLong()
                || !update.path("update_id").isIntegralNumber()) {
            throw ApiException.invalidField("update_id", "is required and must be an integer");
        }
        JsonNode m = update.path("message");
        JsonNode from = m.path("from");
        if (m.isMissingNode() || !from.hasNonNull("id") || from.path("is_bot").asBoolean(false)) {
            return ApiResponses.ok(Map.of());
        }
        InboundMessage message = new InboundMessage(
                Platform.TELEGRAM,
                from.get("id").asText(),
                update.get("update_id").asText(),
                m.path("text").asText(""),
                Instant.ofEpochSecond(m.path("date").asLong(0)),
                from.path("language_code").asText(null),
                Map.of(
                        "chatId",
                        m.path("chat").path("id").asText(from.get("id").asText()),
                        "telegramMessageId",
                        m.path("message_id").asText("0")));
        Webhooks.handle(chat, message, sender);
        return ApiResponses.ok(Map.of());
    }
}
