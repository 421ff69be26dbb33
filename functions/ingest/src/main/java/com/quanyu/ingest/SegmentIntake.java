package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.WriteKeyAuth;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Segment-compatible intake routes: authenticate the write key, enforce the size limits,
 * validate every event (a request is accepted whole or rejected whole, naming the first bad field),
 * then hand the events to the {@link WritePath}, which answers.
 */
final class SegmentIntake {
    /** Largest batch request body, as Segment's HTTP API allows. */
    static final int MAX_BATCH_BYTES = 500 * 1024;

    private final WriteKeyAuth auth;
    private final EventParser parser;
    private final WritePath writePath;
    private final Clock clock;

    SegmentIntake(WriteKeyAuth auth, EventParser parser, WritePath writePath, Clock clock) {
        this.auth = auth;
        this.parser = parser;
        this.writePath = writePath;
        this.clock = clock;
    }

    /** A single-call route such as {@code POST /v1/track}. */
    APIGatewayV2HTTPResponse single(ApiRequest request, EventType type) {
        Instant receivedAt = clock.instant();
        int size = request.bodyBytes().length;
        if (size > EventParser.MAX_EVENT_BYTES) {
            throw ApiException.invalidField("event", "body is " + size + " bytes; the limit is " + EventParser.MAX_EVENT_BYTES + " bytes per event");
        }
        JsonNode body = request.jsonBody();
        Source source = auth.authenticate(request, body);
        return writePath.write(source, List.of(parse(body, source, type, receivedAt, null, "")));
    }

    /** {@code POST /v1/batch}: {@code {"batch": [...], "sentAt": ..., "context": ...}}. */
    APIGatewayV2HTTPResponse batch(ApiRequest request) {
        Instant receivedAt = clock.instant();
        int size = request.bodyBytes().length;
        if (size > MAX_BATCH_BYTES) {
            throw ApiException.invalidField("batch", "body is " + size + " bytes; the limit is " + MAX_BATCH_BYTES + " bytes per batch");
        }
        JsonNode body = request.jsonBody();
        Source source = auth.authenticate(request, body);
        JsonNode batch = body.get("batch");
        if (batch == null || batch.isNull()) {
            throw ApiException.invalidField("batch", "is required: an array of events");
        }
        if (!batch.isArray()) {
            throw ApiException.invalidField("batch", "must be an array of events");
        }
        if (batch.isEmpty()) {
            throw ApiException.invalidField("batch", "must contain at least one event");
        }
        Instant sentAt = instant(body, "sentAt");
        JsonNode sharedContext = body.get("context");
        List<AcceptedEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = withSharedContext(batch.get(i), sharedContext);
            events.add(parse(event, source, null, receivedAt, sentAt, "batch[" + i + "]"));
        }
        return writePath.write(source, events);
    }

    private AcceptedEvent parse(JsonNode event, Source source, EventType type, Instant receivedAt, Instant sentAt, String where) {
        try {
            return new AcceptedEvent(event, type, receivedAt, sentAt, parser.parse(event, source, type, receivedAt, sentAt, where));
        } catch (InvalidEventException e) {
            throw new ApiException(400, "invalid_event", e.getMessage());
        }
    }

    /** Batch-level context (library, ip, ...) applies to each event that does not set the same key. */
    private static JsonNode withSharedContext(JsonNode event, JsonNode shared) {
        if (shared == null || !shared.isObject() || shared.isEmpty() || event == null || !event.isObject()) {
            return event;
        }
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        JsonNode own = copy.get("context");
        ObjectNode context = shared.deepCopy();
        if (own != null && own.isObject()) {
            context.setAll((ObjectNode) own);
        } else if (own != null && !own.isNull()) {
            return event;
        }
        copy.set("context", context);
        return copy;
    }

    private static Instant instant(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "is not an ISO-8601 date-time with offset");
        }
    }
}
