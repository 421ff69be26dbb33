package com.quanyu.journeys.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One customer's pass through one journey: stored per customer and journey, changed only with an
 * optimistic lock on {@link #revision()}.
 *
 * @param profileId    the customer
 * @param journeyId    the journey
 * @param version      the definition version it runs (a new version never changes a running enrolment)
 * @param sequence     1 for the first entry, 2 for a re-entry...: part of every step's idempotency key
 * @param status       where it stands
 * @param holdout      held out: measured, never messaged
 * @param triggeredAt  when the entry event happened
 * @param enteredAt    when it entered (after the entry condition held), null while pending
 * @param stepIndex    the next step to run
 * @param dueAt        when the sweep must look at it again, or null
 * @param waitingEvent the event a wait step listens for, or null
 * @param seenEvents   event names seen since entry (for branches)
 * @param vars         values later steps use (coupon code, journey traits)
 * @param converted    the goal happened within the window
 * @param revision     optimistic-lock revision, 0 before the first write
 */
public record Enrollment(
        String profileId,
        String journeyId,
        int version,
        int sequence,
        Status status,
        boolean holdout,
        Instant triggeredAt,
        Instant enteredAt,
        int stepIndex,
        Instant dueAt,
        String waitingEvent,
        Set<String> seenEvents,
        Map<String, String> vars,
        boolean converted,
        long revision) {
    public Enrollment {
        seenEvents = Set.copyOf(seenEvents);
        vars = Map.copyOf(vars);
    }

    /** Where an enrolment stands. */
    public enum Status {
        /** Waiting to see whether the entry condition holds (abandoned cart: no order within 2 hours). */
        PENDING,
        /** Running its steps (or, held out, waiting for its goal window to close). */
        ACTIVE,
        /** Finished its steps or reached its goal; still counts a conversion inside the window. */
        DONE,
        /** The entry condition failed (the order came): it never entered. */
        CANCELLED;

        public boolean open() {
            return this == PENDING || this == ACTIVE;
        }
    }

    Enrollment with(Status newStatus, int newStepIndex, Instant newDueAt, String newWaitingEvent) {
        return new Enrollment(
                profileId,
                journeyId,
                version,
                sequence,
                newStatus,
                holdout,
                triggeredAt,
                enteredAt,
                newStepIndex,
                newDueAt,
                newWaitingEvent,
                seenEvents,
                vars,
                converted,
                revision);
    }

    Enrollment entered(Instant at, boolean heldOut) {
        return new Enrollment(
                profileId,
                journeyId,
                version,
                sequence,
                Status.ACTIVE,
                heldOut,
                triggeredAt,
                at,
                0,
                null,
                null,
                seenEvents,
                vars,
                converted,
                revision);
    }

    /** The same enrollment at another stored revision (the optimistic lock's counter). */
    public Enrollment withRevision(long newRevision) {
        return new Enrollment(
                profileId,
                journeyId,
                version,
                sequence,
                status,
                holdout,
                triggeredAt,
                enteredAt,
                stepIndex,
                dueAt,
                waitingEvent,
                seenEvents,
                vars,
                converted,
                newRevision);
    }

    Enrollment withVars(Map<String, String> newVars) {
        return new Enrollment(
                profileId,
                journeyId,
                version,
                sequence,
                status,
                holdout,
                triggeredAt,
                enteredAt,
                stepIndex,
                dueAt,
                waitingEvent,
                seenEvents,
                newVars,
                converted,
                revision);
    }

    Enrollment seen(Set<String> events, boolean nowConverted) {
        return new Enrollment(
                profileId,
                journeyId,
                version,
                sequence,
                status,
                holdout,
                triggeredAt,
                enteredAt,
                stepIndex,
                dueAt,
                waitingEvent,
                events,
                vars,
                nowConverted,
                revision);
    }
}
