package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What journeys take from a lake record (read by the shared lake reader): track events with a profile. */
public final class LakeObjects {
    private LakeObjects() {}

    /** The record as a journey event; empty for anything but a track event with a profile, event name and time. */
    public static Optional<JourneyEvent> event(JsonNode record) {
        if (!"track".equals(record.path("type").asText())
                || !record.hasNonNull("profileId")
                || !record.hasNonNull("event")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JourneyEvent(
                    record.get("profileId").asText(),
                    record.get("event").asText(),
                    Instant.parse(record.path("timestamp").asText()),
                    record.path("messageId").asText("")));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
