package com.quanyu.journeys.definition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a journey: how customers enter, the steps they go through, the goal that counts
 * as a conversion and the share held out (entered and measured, never messaged). Built only by
 * {@link DefinitionParser}, which checks every reference.
 *
 * @param id             the journey's id (lower-case letters, digits, dashes)
 * @param version        1, 2, ...: a new definition of the same id is a new version; enrolments keep theirs
 * @param name           a human name
 * @param entry          how customers enter
 * @param steps          the steps in order; a step continues with the next unless it jumps
 * @param goal           the conversion event and its window from entry
 * @param holdoutPercent share of entrants held out, 0-50
 * @param reentryAfter   how long after entering a customer may enter again
 */
public record JourneyDefinition(
        String id,
        int version,
        String name,
        Entry entry,
        List<Step> steps,
        Goal goal,
        int holdoutPercent,
        Duration reentryAfter) {
    public JourneyDefinition {
        steps = List.copyOf(steps);
    }

    /** How customers enter. */
    public sealed interface Entry permits EventEntry, AudienceEntry, ScheduleEntry {}

    /**
     * On an event; with {@code unlessEvent}, only if that event does not follow within {@code unlessWithin}
     * (abandoned cart: {@code Product Added} with no {@code Order Completed} within two hours).
     */
    public record EventEntry(String event, Optional<String> unlessEvent, Duration unlessWithin) implements Entry {}

    /** When a customer joins an audience of the campaigns module. */
    public record AudienceEntry(String audienceId) implements Entry {}

    /** Every member of an audience, on a schedule ({@code rate(...)} or {@code cron(...)} in the brand's time zone). */
    public record ScheduleEntry(ScheduleExpression schedule, String audienceId) implements Entry {}

    /** The conversion event and how long after entry it counts. */
    public record Goal(String event, Duration within) {}

    /** One step; {@link #id()} is unique in the journey. */
    public sealed interface Step permits Wait, Branch, Send, IssueCoupon, SetTrait, Exit {
        String id();
    }

    /**
     * Waits a duration, until a local time of day, or until an event (then continues at {@code onEvent}),
     * at most {@code duration} when an event is awaited.
     */
    public record Wait(
            String id,
            Optional<Duration> duration,
            Optional<java.time.LocalTime> untilLocalTime,
            Optional<String> event,
            Optional<String> onEvent)
            implements Step {}

    /** Continues at {@code then} when the condition holds, else at {@code otherwise}. */
    public record Branch(String id, Condition condition, String then, String otherwise) implements Step {}

    /** Sends one message through the first of {@code channels} the customer can receive it on. */
    public record Send(
            String id,
            List<String> channels,
            Map<String, MessageTemplate> templates,
            Optional<String> link,
            Optional<String> messengerTag)
            implements Step {
        public Send {
            channels = List.copyOf(channels);
            templates = Map.copyOf(templates);
        }
    }

    /** Issues a unique coupon of a campaign; {@code {{coupon}}} in later templates is its code. */
    public record IssueCoupon(String id, String campaignId) implements Step {}

    /** Sets a journey trait on the customer's enrolment, readable by later branches. */
    public record SetTrait(String id, String name, String value) implements Step {}

    /** Leaves the journey. */
    public record Exit(String id) implements Step {}

    /** A message in one language: subject (e-mail, WeChat title) and body with {@code {{variables}}}. */
    public record MessageTemplate(String subject, String body) {}

    /** A branch condition. */
    public sealed interface Condition
            permits EventCondition, TraitCondition, ScoreCondition, SegmentCondition, RandomSplit {}

    /** The customer did (or did not) do {@code event} since entering. */
    public record EventCondition(String event) implements Condition {}

    /** A profile trait (or a trait set by the journey) equals a value. */
    public record TraitCondition(String name, String equalsValue) implements Condition {}

    /** A score ({@code propensity7d}) is at least a threshold. */
    public record ScoreCondition(String name, double atLeast) implements Condition {}

    /** The customer is in a segment of the scoring models. */
    public record SegmentCondition(String segment) implements Condition {}

    /** A stable random split: {@code percent} of customers take {@code then}. */
    public record RandomSplit(int percent) implements Condition {}

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** The index of a step, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
