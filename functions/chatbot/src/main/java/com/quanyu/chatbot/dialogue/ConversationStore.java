package com.quanyu.chatbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of conversations: their state, a short transcript for the agent who takes over, and the
 * agent queue of handed-over conversations.
 */
public interface ConversationStore {
    /** The stored state, or {@link ConversationState#fresh()}. */
    ConversationState load(ConversationKey key);

    /**
     * Saves a state loaded at {@code state.version()}; returns it at its new version.
     *
     * @throws ConcurrentTurnException when another turn saved in between (the caller retries)
     */
    ConversationState save(ConversationKey key, ConversationState state);

    /**
     * Records whose conversation this is, so a right-to-be-forgotten request for that profile
     * (the ingest function's DELETE /v1/profiles/{id}) finds and erases it.
     */
    void linkProfile(ConversationKey key, String profileId);

    /** Appends one line to the transcript (idempotent per message id and role). */
    void appendTranscript(ConversationKey key, TranscriptLine line);

    /** The newest transcript lines, oldest first. */
    List<TranscriptLine> transcript(ConversationKey key, int limit);

    /** Puts the conversation on the agents' queue. */
    void enqueueHandoff(HandoffTicket ticket);

    /** Takes a conversation off the queue (no-op when not there). */
    void dequeueHandoff(ConversationKey key, Instant openedAt);

    /** The queued ticket of a conversation handed over at {@code openedAt}, if it is still queued. */
    Optional<HandoffTicket> openHandoff(ConversationKey key, Instant openedAt);

    /** Open handoffs, oldest first. */
    List<HandoffTicket> openHandoffs(int limit);

    /** Another turn of the same conversation was saved concurrently. */
    final class ConcurrentTurnException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConcurrentTurnException(String message) {
            super(message);
        }
    }
}
