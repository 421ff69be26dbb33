package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads a lake object (NDJSON, gzip) as journey events: track events with a profile, oldest first. */
public final class LakeObjects {
    private LakeObjects() {}

    /** Calls {@code sink} for every usable event; returns how many. Lines that are not track events are skipped. */
    public static int forEachEvent(InputStream in, boolean gzip, Consumer<JourneyEvent> sink) throws IOException {
        List<JourneyEvent> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    parse(line).ifPresent(events::add);
                }
            }
        }
        events.sort(Comparator.comparing(JourneyEvent::at));
        events.forEach(sink);
        return events.size();
    }

    static java.util.Optional<JourneyEvent> parse(String line) {
        try {
            JsonNode record = Json.parse(line);
            if (!"track".equals(record.path("type").asText())
                    || !record.hasNonNull("profileId")
                    || !record.hasNonNull("event")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new JourneyEvent(
                    record.get("profileId").asText(),
                    record.get("event").asText(),
                    Instant.parse(record.path("timestamp").asText()),
                    record.path("messageId").asText("")));
        } catch (IOException | DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
