package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.dialogue.HandoffDesk;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import java.util.Locale;
import java.util.Map;

/**
 * The agent console's API, for staff in group agent or admin (Cognito JWT; the shared Router checks
 * the group against docs/security.md's table before this runs): {@code GET /v1/chat/handoffs}
 * lists conversations waiting for a person; {@code POST /v1/chat/handoffs/release} with
 * {@code {"platform", "userId"}} gives one back to the bot.
 */
final class AgentEndpoints {
    private final HandoffDesk desk;

    AgentEndpoints(HandoffDesk desk) {
        this.desk = desk;
    }

    APIGatewayV2HTTPResponse list(ApiRequest request) {
        return ApiResponses.ok(Map.of("waiting", desk.open(request.intQueryParameter("limit", 50, 1, 200))));
    }

    APIGatewayV2HTTPResponse release(ApiRequest request) {
        JsonNode body = request.jsonBody();
        Platform platform;
        try {
            platform = Platform.valueOf(body.path("platform").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("platform", "must be one of wechat, messenger, instagram, whatsapp, line, telegram, web");
        }
        String userId = body.path("userId").asText("");
        if (userId.isBlank()) {
            throw ApiException.invalidField("userId", "is required");
        }
        if (!desk.release(platform, userId)) {
            throw ApiException.notFound("no handed-over conversation for that platform and user");
        }
        return ApiResponses.ok(Map.of("released", true));
    }

}
