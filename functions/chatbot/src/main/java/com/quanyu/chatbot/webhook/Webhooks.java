package com.quanyu.chatbot.webhook;

import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.dialogue.ConversationStore.ConcurrentTurnException;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.ReplySender.DeliveryException;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.time.Instant;

/** What every webhook does the same way: size limits, replay windows, and retryable failures. */
final class Webhooks {
    private static final JsonLogger LOG = JsonLogger.of(Webhooks.class);

    private Webhooks() {}

    static byte[] body(ApiRequest request) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body is marked base64 but is not valid base64");
        }
        if (body.length > ChatbotConfig.MAX_BODY_BYTES) {
            throw ApiException.tooLarge(
                    "webhook body is " + body.length + " bytes; the limit is " + ChatbotConfig.MAX_BODY_BYTES);
        }
        return body;
    }

    /** Rejects a signed timestamp outside the allowed clock skew: a captured request replayed later. */
    static void checkFresh(String timestamp, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("timestamp missing or not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > ChatbotConfig.MAX_CLOCK_SKEW_SECONDS) {
            throw ApiException.unauthorized("timestamp outside the allowed window; the request is stale or replayed");
        }
    }

    /** Runs one message through the chat service; failures a retry can fix become 503. */
    static ChatService.Outcome handle(ChatService service, InboundMessage message, ReplySender sender) {
        try {
            ChatService.Outcome outcome = service.handle(message, sender);
            LOG.info(
                    "chat message",
                    "platform",
                    message.platform().channel(),
                    "outcome",
                    outcome.status().name(),
                    "intent",
                    outcome.reply() == null ? null : outcome.reply().intent(),
                    "handoff",
                    outcome.reply() != null && outcome.reply().handoff());
            boolean answered = outcome.status() == ChatService.Outcome.Status.ANSWERED;
            Metrics.of("chatbot")
                    .count(
                            switch (outcome.status()) {
                                case ANSWERED -> "ChatReplies";
                                case DUPLICATE -> "ChatDuplicates";
                                case IN_FLIGHT -> "ChatInFlight";
                            },
                            1)
                    .count(
                            "ChatHandoffs",
                            answered
                                            && outcome.reply() != null
                                            && outcome.reply().handoff()
                                    ? 1
                                    : 0)
                    .emit();
            return outcome;
        } catch (DeliveryException | ConcurrentTurnException | IngestUnavailableException e) {
            Metrics.of("chatbot").count("ChatUnanswered", 1).emit();
            LOG.warn(
                    "chat message not answered; platform should retry",
                    "platform",
                    message.platform().channel(),
                    "reason",
                    e.getMessage());
            throw ApiException.unavailable("the message could not be answered now; retry", e);
        }
    }
}
