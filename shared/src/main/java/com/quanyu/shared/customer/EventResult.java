package com.quanyu.shared.customer;

/**
 * What happened to one event.
 *
 * @param messageId the event's message id
 * @param status    the outcome
 * @param profileId the profile the event was applied to; null unless accepted
 */
public record EventResult(String messageId, Status status, String profileId) {
    /** Outcome of one event. */
    public enum Status {
        /** Applied to a profile and archived. */
        ACCEPTED,
        /** Already processed earlier: nothing done again. */
        DUPLICATE,
        /** Belongs to a forgotten person: dropped on purpose. */
        SUPPRESSED,
        /** Another request is processing the same message right now: send it again later. */
        IN_FLIGHT
    }
}
