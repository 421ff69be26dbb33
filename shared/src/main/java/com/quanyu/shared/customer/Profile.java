package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One person's unified profile, as stored under {@code pk="profile#<profileId>", sk="profile"}.
 * Immutable; the pipeline derives new versions and stores them with an optimistic lock on {@link #version()}.
 *
 * @param profileId      canonical id ({@code p} + time-ordered hex: a smaller id is an older profile)
 * @param version        optimistic-lock version, 0 before the first write
 * @param firstSeenAt    time of the earliest event
 * @param lastSeenAt     time of the latest event
 * @param traits         trait name to value with the time it was set (latest wins)
 * @param identifiers    identifier type wire name to the hashes linked to this profile
 * @param channels       channel to first and last activity
 * @param counters       activity counters
 * @param rfm            recency, frequency and monetary aggregates of orders
 * @param lastEvents     the latest events, newest first
 * @param consent        consent category to the latest stated choice
 * @param recentSessions the latest session ids (to count sessions once, also across merges)
 * @param appliedEvents  message-key prefixes applied in the last 25 hours, to epoch seconds: makes re-application a no-op
 * @param absorbed       ids of every profile merged into this one (transitively)
 * @param mergedInto     on a merged-away profile, the profile it was merged into; null on a live one
 */
public record Profile(
        String profileId,
        long version,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Map<String, TraitValue> traits,
        Map<String, Set<String>> identifiers,
        Map<String, ChannelActivity> channels,
        Counters counters,
        Rfm rfm,
        List<EventSummary> lastEvents,
        Map<String, ConsentValue> consent,
        List<String> recentSessions,
        Map<String, Long> appliedEvents,
        Set<String> absorbed,
        String mergedInto) {

    public Profile {
        traits = Map.copyOf(traits);
        identifiers = copySets(identifiers);
        channels = Map.copyOf(channels);
        lastEvents = List.copyOf(lastEvents);
        consent = Map.copyOf(consent);
        recentSessions = List.copyOf(recentSessions);
        appliedEvents = Map.copyOf(appliedEvents);
        absorbed = Set.copyOf(absorbed);
    }

    /** A profile that has not seen any event yet. */
    public static Profile empty(String profileId) {
        return new Profile(
                profileId,
                0,
                null,
                null,
                Map.of(),
                Map.of(),
                Map.of(),
                Counters.ZERO,
                Rfm.NONE,
                List.of(),
                Map.of(),
                List.of(),
                Map.of(),
                Set.of(),
                null);
    }

    /** A trait value and when it was set (the event's timestamp). */
    public record TraitValue(JsonNode value, Instant updatedAt) {}

    /** First and last activity on one channel. */
    public record ChannelActivity(Instant firstSeen, Instant lastSeen) {}

    /** Activity counters; {@code events} counts every applied event. */
    public record Counters(long events, long sessions, long pageViews, long cartAdds, long orders, double revenue) {
        public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0);
    }

    /** Order aggregates for recency/frequency/monetary segmentation. */
    public record Rfm(Instant firstOrderAt, Instant lastOrderAt, long orderCount, double revenue) {
        public static final Rfm NONE = new Rfm(null, null, 0, 0);
    }

    /** A short summary of one event. */
    public record EventSummary(String type, String event, String sku, String channel, Instant timestamp) {}

    /**
     * A consent choice, when it was stated and where (the event's {@code context.consent.source} or
     * its channel; {@code unsubscribe-link}, {@code sms-stop}, {@code chat-stop}, {@code api}, ...).
     * Messaging consent per channel uses the categories of {@link MessagingConsent}.
     */
    public record ConsentValue(boolean granted, Instant updatedAt, String source) {
        /** The later of two statements of the same category (the current one on a tie). */
        public static ConsentValue latest(ConsentValue current, ConsentValue stated) {
            return stated.updatedAt().isBefore(current.updatedAt()) ? current : stated;
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isMerged() {
        return mergedInto != null;
    }

    public boolean hasIdentifier(Identifier identifier) {
        return identifiers.getOrDefault(identifier.type().wireName(), Set.of()).contains(identifier.hash());
    }

    public int identifierCount(IdentifierType type) {
        return identifiers.getOrDefault(type.wireName(), Set.of()).size();
    }

    /** Every identifier of this profile. */
    public List<Identifier> identifierList() {
        List<Identifier> all = new java.util.ArrayList<>();
        identifiers.forEach((type, hashes) ->
                IdentifierType.fromWire(type).ifPresent(t -> hashes.forEach(h -> all.add(Identifier.of(t, h)))));
        return all;
    }

    /** This profile's id and the ids of all profiles merged into it. */
    public Set<String> allProfileIds() {
        Set<String> ids = new TreeSet<>(absorbed);
        ids.add(profileId);
        return ids;
    }

    private static Map<String, Set<String>> copySets(Map<String, Set<String>> identifiers) {
        Map<String, Set<String>> copy = new TreeMap<>();
        identifiers.forEach((type, hashes) -> copy.put(type, Set.copyOf(hashes)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
