package com.quanyu.ingest.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.BufferedEvent;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import java.time.Instant;

/**
 * One accepted event in the buffer: what the consumer needs to parse it exactly as the API did
 * (the event as received with the batch context applied, its source, the route's type, the receive
 * and send times), and its partition key.
 *
 * <p>Wire format (JSON, one record per event, owned here): {@code {"v":1, "sourceId", "channel",
 * "receivedAt", "sentAt"?, "type"?, "event"}}.
 *
 * @param partitionKey the event's highest-priority identifier (its link key): a retried message keeps
 *                     its key, so one consumer at a time sees it; one person's events mostly share a
 *                     shard, so they fold into one profile write per batch
 * @param data         the JSON bytes
 */
public record BufferRecord(String partitionKey, byte[] data) {

    /** The record of an event the API validated as {@code parsed}. */
    public static BufferRecord of(
            Source source,
            JsonNode event,
            EventType routeType,
            Instant receivedAt,
            Instant sentAt,
            CustomerEvent parsed) {
        ObjectNode record = Json.object();
        record.put("v", 1);
        record.put("sourceId", source.sourceId());
        record.put("channel", source.channel());
        record.put("receivedAt", receivedAt.toString());
        if (sentAt != null) {
            record.put("sentAt", sentAt.toString());
        }
        if (routeType != null) {
            record.put("type", routeType.name());
        }
        record.set("event", event);
        String anchor = parsed.identifiers().isEmpty()
                ? parsed.messageKey()
                : parsed.identifiers().get(0).linkKey();
        // written with the streaming generator: no ObjectMapper on the accepting request's path (cold start)
        return new BufferRecord(anchor, Json.writeUtf8(record));
    }

    /** Parses a record's data back into the event the API accepted. */
    public static BufferedEvent parse(byte[] data, EventParser parser) {
        JsonNode record;
        try {
            record = Json.parse(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a buffer record is not JSON", e);
        }
        Source source =
                Source.of(record.get("sourceId").asText(), record.get("channel").asText());
        Instant receivedAt = Instant.parse(record.get("receivedAt").asText());
        Instant sentAt =
                record.hasNonNull("sentAt") ? Instant.parse(record.get("sentAt").asText()) : null;
        EventType type =
                record.hasNonNull("type") ? EventType.valueOf(record.get("type").asText()) : null;
        return new BufferedEvent(source, parser.parse(record.get("event"), source, type, receivedAt, sentAt, ""));
    }
}
