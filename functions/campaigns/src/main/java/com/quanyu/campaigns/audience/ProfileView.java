package com.quanyu.campaigns.audience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What campaigns read of a profile: {@code traits} (name to value), {@code scores} (the training
 * job's {@code ProfileScores}: segment, rfm, rfmTotal, propensity7d), {@code counters}, {@code rfm} and {@code channels} (channel to
 * {@code firstSeen}/{@code lastSeen}), as one JSON document that audience rules address by path.
 *
 * @param profileId the canonical profile id
 * @param document  the fields above
 */
public record ProfileView(String profileId, ObjectNode document) {

    /** The value at a dotted path such as {@code scores.propensity}; missing when absent or null. */
    public JsonNode at(String path) {
        JsonNode node = document;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** When the profile was last active on {@code channel}. */
    public Optional<Instant> lastSeen(String channel) {
        JsonNode seen = document.path("channels").path(channel).path("lastSeen");
        try {
            return seen.isTextual() ? Optional.of(Instant.parse(seen.asText())) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The model's segment label, or {@code unknown}. */
    public String segment() {
        JsonNode segment = at("scores.segment");
        return segment.isTextual() && !segment.asText().isBlank() ? segment.asText() : "unknown";
    }

    /** Purchase propensity in [0, 1] ({@code scores.propensity7d}, the training job's batch score), when scored. */
    public Optional<Double> propensity() {
        JsonNode p = at("scores.propensity7d");
        return p.isNumber() ? Optional.of(p.asDouble()) : Optional.empty();
    }

    /** A raw trait (e.g. email), for exports that normalise and hash it. */
    public Optional<String> trait(String name) {
        JsonNode value = document.path("traits").path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
