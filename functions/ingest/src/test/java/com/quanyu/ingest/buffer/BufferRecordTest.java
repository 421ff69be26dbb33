package com.quanyu.ingest.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.BufferedEvent;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.IdentityRules;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record the accepting request writes without the mapper (streamed tree, streamed bytes) is
 * byte for byte the record the mapper wrote, for every sample event and for events at the edges.
 */
class BufferRecordTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final EventParser PARSER = new EventParser(IdentityRules.defaults(), "CNY");
    private static final Source SOURCE = Source.of("src-1", "web");
    private static final Instant RECEIVED = Instant.parse("2026-12-02T10:00:00.123Z");
    private static final Instant SENT = Instant.parse("2026-12-02T09:59:58Z");

    /** Events at the edges: big and small numbers, unicode, nesting, a repeated key. */
    private static final List<String> EDGE_EVENTS = List.of(
            "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u-1\",\"messageId\":\"m-1\","
                    + "\"properties\":{\"total\":12345678901234567890.5,\"count\":9223372036854775808,\"tiny\":1e-300,"
                    + "\"zero\":-0.0,\"name\":\"李雷 😀 \\u00e9\",\"nested\":{\"a\":[1,{\"b\":null}],\"c\":true}}}",
            "{\"type\":\"identify\",\"userId\":\"u-2\",\"messageId\":\"m-2\",\"traits\":{\"email\":\"A@Example.com\","
                    + "\"plan\":\"free\",\"plan\":\"pro\"}}",
            "{\"type\":\"page\",\"anonymousId\":\"a-3\",\"name\":\"首页\",\"properties\":{\"big\":1e308,\"huge\":1e400}}");

    @Test
    void recordsOfSampleAndEdgeEventsAreTheMappersBytes() throws IOException {
        List<RoutedEvent> events = new ArrayList<>();
        EDGE_EVENTS.forEach(text -> events.add(new RoutedEvent(text, null)));
        events.addAll(sampleEvents());
        int checked = 0;
        for (RoutedEvent event : events) {
            JsonNode streamed = Json.parse(event.text());
            CustomerEvent parsed;
            try {
                parsed = PARSER.parse(streamed, SOURCE, event.route(), RECEIVED, SENT, "");
            } catch (InvalidEventException e) {
                continue; // a sample of a bad request: no record is written for it
            }
            BufferRecord record = BufferRecord.of(SOURCE, streamed, event.route(), RECEIVED, SENT, parsed);
            assertArrayEquals(mappersRecord(MAPPER.readTree(event.text()), event.route()), record.data(), event.text());
            BufferedEvent back = BufferRecord.parse(record.data(), PARSER);
            assertEquals(SOURCE, back.source(), event.text());
            assertEquals(parsed, back.event(), event.text());
            checked++;
        }
        assertTrue(checked >= 8, "only " + checked + " events checked");
    }

    /** An event's JSON and the single-call route it came by (null: a batch's event). */
    private record RoutedEvent(String text, EventType route) {}

    /** The record as the mapper built and wrote it before (fields in the wire format's order). */
    private static byte[] mappersRecord(JsonNode event, EventType route) throws IOException {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("v", 1);
        record.put("sourceId", SOURCE.sourceId());
        record.put("channel", SOURCE.channel());
        record.put("receivedAt", RECEIVED.toString());
        record.put("sentAt", SENT.toString());
        if (route != null) {
            record.put("type", route.name());
        }
        record.set("event", event);
        return MAPPER.writeValueAsBytes(record);
    }

    /** The events in the ingest samples' bodies: single calls with their route, and each event of a batch. */
    private static List<RoutedEvent> sampleEvents() throws IOException {
        List<Path> samples = RepoRoot.sampleEvents("events/ingest");
        List<RoutedEvent> events = new ArrayList<>();
        for (Path sample : samples) {
            JsonNode request = MAPPER.readTree(Files.readString(sample, StandardCharsets.UTF_8));
            JsonNode body = request.path("body");
            if (!body.isTextual() || body.textValue().isBlank()) {
                continue;
            }
            JsonNode content = MAPPER.readTree(body.textValue());
            String path = request.path("rawPath").asText();
            if (content.has("batch")) {
                content.get("batch").forEach(e -> events.add(new RoutedEvent(e.toString(), null)));
            } else {
                String route = path.substring(path.lastIndexOf('/') + 1).toUpperCase(java.util.Locale.ROOT);
                events.add(new RoutedEvent(body.textValue(), EventType.valueOf(route)));
            }
        }
        return events;
    }
}
