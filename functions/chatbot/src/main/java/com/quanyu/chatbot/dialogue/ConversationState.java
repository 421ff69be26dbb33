package com.quanyu.chatbot.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bot remembers of one (platform, user) conversation between turns. Immutable; the
 * {@code with...} methods return changed copies. No phone numbers or other PII are kept here.
 *
 * @param language        reply language of the last turn ({@code zh}/{@code en}), or null
 * @param lastIntent      the last in-scope intent acted on
 * @param pendingIntent   an intent waiting for a slot, or null
 * @param pendingSlot     the slot asked for ({@link #ORDER_NUMBER}), or null
 * @param slotAttempts    how many times the pending slot was asked for
 * @param orderNumbers    order numbers mentioned, oldest first (at most five), for "and the other one?"
 * @param currentOrder    the order the conversation is about, or null
 * @param lowConfidence   consecutive turns the bot did not understand
 * @param handoff         a human has the conversation: the bot stays silent until released
 * @param handoffReason   why it was handed over
 * @param lastMessageId   the platform message id of the last turn answered
 * @param lastReply       the reply given to it (re-sent when the platform retries that message)
 * @param turns           turns so far
 * @param version         optimistic-locking version of the stored item (0 = new)
 * @param updatedAt       last change
 */
public record ConversationState(
        String language,
        String lastIntent,
        String pendingIntent,
        String pendingSlot,
        int slotAttempts,
        List<String> orderNumbers,
        String currentOrder,
        int lowConfidence,
        boolean handoff,
        String handoffReason,
        Instant handoffAt,
        String lastMessageId,
        String lastReply,
        int turns,
        long version,
        Instant updatedAt) {
    public static final String ORDER_NUMBER = "order_number";
    private static final int MAX_ORDERS = 5;

    public ConversationState {
        orderNumbers = orderNumbers == null ? List.of() : List.copyOf(orderNumbers);
    }

    public static ConversationState fresh() {
        return new ConversationState(
                null, null, null, null, 0, List.of(), null, 0, false, null, null, null, null, 0, 0, null);
    }

    public ConversationState withLanguage(String value) {
        return new ConversationState(
                value,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                currentOrder,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    /** Asks for a slot on behalf of an intent. */
    public ConversationState awaiting(String intent, String slot) {
        int attempts = slot.equals(pendingSlot) && intent.equals(pendingIntent) ? slotAttempts + 1 : 1;
        return new ConversationState(
                language,
                lastIntent,
                intent,
                slot,
                attempts,
                orderNumbers,
                currentOrder,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    /** Clears a pending question (answered, abandoned or cancelled). */
    public ConversationState withoutPending() {
        return new ConversationState(
                language,
                lastIntent,
                null,
                null,
                0,
                orderNumbers,
                currentOrder,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    public ConversationState actedOn(String intent) {
        return new ConversationState(
                language,
                intent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                currentOrder,
                0,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    public ConversationState withOrder(String orderNumber) {
        List<String> orders = new ArrayList<>(orderNumbers);
        orders.remove(orderNumber);
        orders.add(orderNumber);
        if (orders.size() > MAX_ORDERS) {
            orders.remove(0);
        }
        return new ConversationState(
                language,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orders,
                orderNumber,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    /** Remembers order numbers mentioned without making any of them current. */
    public ConversationState mentioning(List<String> mentioned) {
        ConversationState state = this;
        String current = currentOrder;
        for (String order : mentioned) {
            state = state.withOrder(order);
        }
        return state.withCurrentOrder(current);
    }

    private ConversationState withCurrentOrder(String order) {
        return new ConversationState(
                language,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                order,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    public ConversationState notUnderstood() {
        return new ConversationState(
                language,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                currentOrder,
                lowConfidence + 1,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    public ConversationState handedOver(String reason, Instant at) {
        return new ConversationState(
                language,
                lastIntent,
                null,
                null,
                0,
                orderNumbers,
                currentOrder,
                0,
                true,
                reason,
                at,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    public ConversationState released() {
        return new ConversationState(
                language,
                lastIntent,
                null,
                null,
                0,
                orderNumbers,
                currentOrder,
                0,
                false,
                null,
                null,
                lastMessageId,
                lastReply,
                turns,
                version,
                updatedAt);
    }

    /** Records the turn just answered. */
    public ConversationState answered(String messageId, String reply, Instant at) {
        return new ConversationState(
                language,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                currentOrder,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                messageId,
                reply,
                turns + 1,
                version,
                at);
    }

    public ConversationState withVersion(long newVersion) {
        return new ConversationState(
                language,
                lastIntent,
                pendingIntent,
                pendingSlot,
                slotAttempts,
                orderNumbers,
                currentOrder,
                lowConfidence,
                handoff,
                handoffReason,
                handoffAt,
                lastMessageId,
                lastReply,
                turns,
                newVersion,
                updatedAt);
    }
}
