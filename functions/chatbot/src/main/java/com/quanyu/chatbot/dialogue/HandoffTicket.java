package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A conversation waiting for a human agent. The platform user id is kept (not only hashed) because
 * the agent must answer that user on the platform, and so is what a push to them needs
 * ({@code replyContext}, e.g. WhatsApp's business phone-number id the customer wrote to).
 */
public record HandoffTicket(
        Platform platform,
        String userId,
        String reason,
        String lastText,
        String language,
        Instant openedAt,
        Map<String, String> replyContext) {
    /** What an agent's reply needs from the customer's message besides the user id (WhatsApp: the business number). */
    private static final Set<String> PUSH_CONTEXT = Set.of("phoneNumberId");

    public HandoffTicket {
        replyContext = Map.copyOf(replyContext);
    }

    /** A ticket for the customer who sent {@code message}, keeping what a later push to them needs. */
    public static HandoffTicket of(
            InboundMessage message, String reason, String lastText, String language, Instant openedAt) {
        Map<String, String> context = new HashMap<>();
        PUSH_CONTEXT.forEach(k -> message.context(k).ifPresent(v -> context.put(k, v)));
        return new HandoffTicket(message.platform(), message.userId(), reason, lastText, language, openedAt, context);
    }

    public ConversationKey key() {
        return new ConversationKey(platform, userId);
    }
}
