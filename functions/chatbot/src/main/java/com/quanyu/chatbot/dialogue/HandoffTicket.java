package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.Platform;
import java.time.Instant;

/**
 * A conversation waiting for a human agent. The platform user id is kept (not only hashed) because
 * the agent must answer that user on the platform.
 */
public record HandoffTicket(
        Platform platform, String userId, String reason, String lastText, String language, Instant openedAt) {
    public ConversationKey key() {
        return new ConversationKey(platform, userId);
    }
}
