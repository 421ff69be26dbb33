package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.Platform;
import java.util.List;

/**
 * The agents' side of handoffs: the queue of conversations waiting for a person (with their recent
 * transcript), and releasing a conversation back to the bot.
 */
public final class HandoffDesk {
    private final ConversationStore conversations;

    public HandoffDesk(ConversationStore conversations) {
        this.conversations = conversations;
    }

    /** A waiting conversation and its last lines. */
    public record Waiting(HandoffTicket ticket, List<TranscriptLine> transcript) {
    }

    public List<Waiting> open(int limit) {
        return conversations.openHandoffs(limit).stream()
                .map(t -> new Waiting(t, conversations.transcript(t.key(), 20))).toList();
    }

    /** Gives the conversation back to the bot; false when it was not handed over. */
    public boolean release(Platform platform, String userId) {
        ConversationKey key = new ConversationKey(platform, userId);
        ConversationState state = conversations.load(key);
        if (!state.handoff()) {
            return false;
        }
        conversations.save(key, state.released());
        conversations.dequeueHandoff(key, state.handoffAt());
        return true;
    }
}
