package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    public record Waiting(HandoffTicket ticket, List<TranscriptLine> transcript) {}

    public List<Waiting> open(int limit) {
        return conversations.openHandoffs(limit).stream()
                .map(t -> new Waiting(t, conversations.transcript(t.key(), 20)))
                .toList();
    }

    /** What became of an agent's reply. */
    public enum ReplyOutcome {
        SENT,
        NOT_HANDED_OVER
    }

    /**
     * Sends an agent's text to the customer through their platform's send API and records it in the
     * transcript (role {@code agent}). The platform's push form is used, since the customer's last
     * message's reply token may have expired (LINE); {@code messageId} makes a retry the same
     * message (LINE drops the repeat by its retry key; the transcript keeps one line).
     *
     * @throws ReplySender.DeliveryException when the platform refused or could not be reached
     */
    public ReplyOutcome reply(
            Platform platform, String userId, String text, String messageId, ReplySender sender, Instant now) {
        ConversationKey key = new ConversationKey(platform, userId);
        ConversationState state = conversations.load(key);
        if (!state.handoff()) {
            return ReplyOutcome.NOT_HANDED_OVER;
        }
        InboundMessage to = new InboundMessage(
                platform, userId, "agent-" + messageId, "", now, null, Map.of("redelivery", "true", "chatId", userId));
        sender.send(to, new Reply(text, state.language(), "agent_reply", 1.0, true, "agent_reply"));
        conversations.appendTranscript(
                key, new TranscriptLine(now, "agent-" + messageId, "agent", text, "agent_reply"));
        return ReplyOutcome.SENT;
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
