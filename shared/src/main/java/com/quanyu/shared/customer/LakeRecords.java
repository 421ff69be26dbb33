package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The lake's line format: the event as received plus what replay needs to reproduce it exactly.
 * {@code timestamp} is the corrected time; {@code originalTimestamp} and {@code sentAt} keep the
 * client's clock readings, so parsing the line again with its {@code receivedAt} gives the same time.
 */
public final class LakeRecords {
    private LakeRecords() {}

    static ObjectNode enrich(CustomerEvent event, Source source, String profileId) {
        ObjectNode line = event.raw().deepCopy();
        line.put("type", event.type().wireName());
        line.put("messageId", event.messageId());
        Instant sent = event.receivedAt().plus(java.time.Duration.between(event.timestamp(), deviceTime(event)));
        if (!line.hasNonNull("originalTimestamp") && line.hasNonNull("timestamp")) {
            line.set("originalTimestamp", line.get("timestamp"));
        }
        if (line.hasNonNull("originalTimestamp")
                && !line.hasNonNull("sentAt")
                && !event.timestamp().equals(deviceTime(event))) {
            line.put("sentAt", sent.toString());
        }
        line.put("timestamp", event.timestamp().toString());
        line.put("receivedAt", event.receivedAt().toString());
        line.put("sourceId", source.sourceId());
        line.put("channel", event.channel());
        line.put("profileId", profileId);
        return line;
    }

    private static Instant deviceTime(CustomerEvent event) {
        ObjectNode raw = event.raw();
        String device = raw.hasNonNull("originalTimestamp")
                ? raw.get("originalTimestamp").asText()
                : raw.hasNonNull("timestamp") ? raw.get("timestamp").asText() : null;
        return device == null
                ? event.timestamp()
                : java.time.OffsetDateTime.parse(device).toInstant();
    }
}
