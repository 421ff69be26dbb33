package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.dialogue.HandoffDesk;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The agent console's API, for staff in group agent or admin (Cognito JWT; the shared Router checks
 * the group against docs/security.md's table before this runs): {@code GET /v1/chat/handoffs}
 * lists conversations waiting for a person; {@code POST /v1/chat/handoffs/reply} with
 * {@code {"platform", "userId", "text", "messageId"?}} answers the customer through their platform;
 * {@code POST /v1/chat/handoffs/release} with {@code {"platform", "userId"}} gives one back to the bot.
 */
final class AgentEndpoints {
    private static final int MAX_REPLY_CHARS = 4000;

    private final HandoffDesk desk;
    private final Map<Platform, ReplySender> senders;
    private final Clock clock;

    /** @param senders the platforms an agent can write to first (those with a push/send API) */
    AgentEndpoints(HandoffDesk desk, Map<Platform, ReplySender> senders, Clock clock) {
        this.desk = desk;
        this.senders = Map.copyOf(senders);
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse list(ApiRequest request) {
        return ApiResponses.ok(Map.of("waiting", desk.open(request.intQueryParameter("limit", 50, 1, 200))));
    }

    APIGatewayV2HTTPResponse reply(ApiRequest request) {
        JsonNode body = request.jsonBody();
        Platform platform = platform(body);
        String userId = userId(body);
        String text = body.path("text").asText("").strip();
        if (text.isEmpty() || text.length() > MAX_REPLY_CHARS) {
            throw ApiException.invalidField("text", "must be 1-" + MAX_REPLY_CHARS + " characters");
        }
        String messageId = body.path("messageId").asText("");
        if (messageId.isEmpty()) {
            messageId = UUID.randomUUID().toString();
        } else if (!messageId.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw ApiException.invalidField("messageId", "must be 1-100 letters, digits or _ . : -");
        }
        ReplySender sender = senders.get(platform);
        if (sender == null) {
            throw new ApiException(
                    422,
                    "platform_cannot_push",
                    platform.channel()
                            + " lets a business answer only inside the customer's own request; reply in its console");
        }
        HandoffDesk.ReplyOutcome outcome;
        try {
            outcome = desk.reply(platform, userId, text, messageId, sender, clock.instant());
        } catch (ReplySender.DeliveryException e) {
            throw ApiException.unavailable(
                    platform.channel() + " did not accept the reply; retry with the same messageId", e);
        }
        if (outcome == HandoffDesk.ReplyOutcome.NOT_HANDED_OVER) {
            throw ApiException.notFound("no handed-over conversation for that platform and user");
        }
        return ApiResponses.ok(Map.of("sent", true, "messageId", messageId));
    }

    APIGatewayV2HTTPResponse release(ApiRequest request) {
        JsonNode body = request.jsonBody();
        if (!desk.release(platform(body), userId(body))) {
            throw ApiException.notFound("no handed-over conversation for that platform and user");
        }
        return ApiResponses.ok(Map.of("released", true));
    }

    private static Platform platform(JsonNode body) {
        try {
            return Platform.valueOf(body.path("platform").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    "platform", "must be one of wechat, messenger, instagram, whatsapp, line, telegram, web");
        }
    }

    private static String userId(JsonNode body) {
        String userId = body.path("userId").asText("");
        if (userId.isBlank()) {
            throw ApiException.invalidField("userId", "is required");
        }
        return userId;
    }
}
