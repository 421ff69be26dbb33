package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Journeys' storage: single-item conditional writes only (no transactions), which exactly-once
 * sending and the optimistic enrolment lock are built on. A DynamoDB store and an in-memory one
 * for unit tests implement it.
 */
public interface JourneyStore {
    /** A stored definition version: its JSON as accepted and when. */
    record StoredDefinition(String journeyId, int version, JsonNode json, Instant createdAt, boolean active) {}

    /** The outcome of one step for one enrolment (a send, a coupon): written once, claimed first. */
    record StepRecord(String key, String outcome, String channel, String detail, Instant at) {}

    /** Stores {@code json} as version {@code version}, only if that version does not exist yet. */
    boolean putDefinition(String journeyId, int version, JsonNode json, Instant at);

    Optional<StoredDefinition> definition(String journeyId, int version);

    /** The newest version of every journey. */
    List<StoredDefinition> latestDefinitions();

    /** Stops (or restarts) new entries into a journey; running enrolments continue. */
    void setActive(String journeyId, boolean active);

    Optional<Enrollment> enrollment(String profileId, String journeyId);

    List<Enrollment> enrollments(String profileId);

    /**
     * Writes the enrolment with revision {@code expected + 1} if the stored one is still at
     * {@code expected} (0: none stored). False when another writer got there first.
     */
    boolean putEnrollment(Enrollment enrollment, long expected);

    /** Enrolments due at or before {@code now}: (profile id, journey id) pairs, at most {@code limit}. */
    List<Map.Entry<String, String>> due(Instant now, int limit);

    /** Claims a step for exactly-once execution: true only for the first caller with this key. */
    boolean claimStep(String key, Instant at);

    void finishStep(StepRecord record);

    Optional<StepRecord> step(String key);

    /**
     * Reserves one message for the customer under the frequency caps (a sliding day and week
     * across all journeys); false when a cap is reached.
     */
    boolean reserveFrequency(String profileId, Instant at, int perDay, int perWeek);

    boolean suppressed(String channel, String addressHash);

    void suppress(String channel, String addressHash, String reason, Instant at);

    /** How far a journey's audience or schedule entries got: the last refresh or firing fully entered; empty before the first. */
    Optional<Instant> entryCursor(String journeyId);

    /** Moves the entry cursor from {@code expected} (empty: none yet) to {@code to}; false when another sweep moved it first. */
    boolean moveEntryCursor(String journeyId, Optional<Instant> expected, Instant to);

    /** Adds to a counter of a journey version. */
    void count(String journeyId, int version, String counter, long delta);

    /** Every counter of a journey, by version then name. */
    Map<Integer, Map<String, Long>> counters(String journeyId);
}
