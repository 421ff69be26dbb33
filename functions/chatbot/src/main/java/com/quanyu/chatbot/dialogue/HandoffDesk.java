package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' side of handoffs: the queue of conversations waiting for a person (with their recent
 * transcript), and releasing a conversation back to the bot.
 */
public final class HandoffDesk {
    private static final int TRANSCRIPT_LINES = 20;

    private final ConversationStore conversations;

    public HandoffDesk(ConversationStore conversations) {
        this.conversations = conversations;
    }

    /** A waiting conversation and its last lines. */
    public record Waiting(HandoffTicket ticket, List<TranscriptLine> transcript) {}

    public List<Waiting> open(int limit) {
        return conversations.openHandoffs(limit).stream()
                .map(t -> new Waiting(t, conversations.transcript(t.key(), TRANSCRIPT_LINES)))
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
        // what the customer's message gave for answering them (WhatsApp: the business number they wrote to)
        Map<String, String> context = new HashMap<>(conversations
                .openHandoff(key, state.handoffAt())
                .map(HandoffTicket::replyContext)
                .orElse(Map.of()));
        context.put("redelivery", "true");
        context.put("chatId", userId);
        InboundMessage to = new InboundMessage(platform, userId, "agent-" + messageId, "", now, null, context);
        sender.send(to, new Reply(text, state.language(), "agent_reply", 1.0, true, "agent_reply"));
        conversations.appendTranscript(
                key, new TranscriptLine(now, "agent-" + messageId, "agent", text, "agent_reply"));
        return ReplyOutcome.SENT;
    }

    /** What the web widget polls: the agents' lines of a conversation after {@code after}, oldest first. */
    public record AgentLines(boolean waitingForAgent, List<TranscriptLine> lines) {}

    public AgentLines agentLinesAfter(Platform platform, String userId, Instant after) {
        ConversationKey key = new ConversationKey(platform, userId);
        List<TranscriptLine> lines = conversations.transcript(key, TRANSCRIPT_LINES).stream()
                .filter(line -> "agent".equals(line.role()) && line.at().isAfter(after))
                .sorted(Comparator.comparing(TranscriptLine::at))
                .toList();
        return new AgentLines(conversations.load(key).handoff(), lines);
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
