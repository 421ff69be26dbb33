package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.WriteKeyAuth;
import com.quanyu.ingest.store.RateLimiter;
import com.quanyu.ingest.store.RejectedEventArchive;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Segment-compatible intake routes: authenticate the write key (before the body is judged),
 * count the request against the source's rate limit (429 with retry-after beyond it),
 * decode the body as SDKs send it (gzip or deflate, any content type), enforce the size limits,
 * validate every event before any store is called, then hand the valid ones to the {@link WritePath}.
 * A batch fails per event: an invalid event is rejected alone (its index and reason in the answer,
 * the event kept under the lake's {@code rejected/} prefix) and the others are processed.
 * Answers 200 {@code {"success": true, "accepted", "duplicates", "suppressed", "rejected": [...]}};
 * 400 when no event of the request is valid; 503 with {@code retry-after} and the plain error body
 * when storage failed or a message is being processed by a concurrent request, so that SDKs retry.
 */
final class SegmentIntake {
    /** Largest batch request body (after content decoding), as Segment's HTTP API allows. */
    static final int MAX_BATCH_BYTES = 500 * 1024;

    private static final JsonLogger LOG = JsonLogger.of(SegmentIntake.class);

    private final WriteKeyAuth auth;
    private final RateLimiter perSource;
    private final EventParser parser;
    private final WritePath writePath;
    private final RejectedEventArchive rejectedArchive;
    private final Clock clock;

    SegmentIntake(
            WriteKeyAuth auth,
            RateLimiter perSource,
            EventParser parser,
            WritePath writePath,
            RejectedEventArchive rejectedArchive,
            Clock clock) {
        this.auth = auth;
        this.perSource = perSource;
        this.parser = parser;
        this.writePath = writePath;
        this.rejectedArchive = rejectedArchive;
        this.clock = clock;
    }

    /** A single-call route such as {@code POST /v1/track}. */
    APIGatewayV2HTTPResponse single(ApiRequest request, EventType type) {
        Instant receivedAt = clock.instant();
        Body body = new Body(request, EventParser.MAX_EVENT_BYTES, "event");
        Source source = auth.authenticate(request, body::json);
        perSource.acquire(source.sourceId());
        AcceptedEvent event;
        try {
            event = new AcceptedEvent(
                    body.json(), type, receivedAt, null, parser.parse(body.json(), source, type, receivedAt, null, ""));
        } catch (InvalidEventException e) {
            Metrics.of("ingest").count("EventsRejected", 1).emit();
            throw new ApiException(400, "invalid_event", e.getMessage());
        }
        return writePath.write(source, List.of(event), List.of());
    }

    /** {@code POST /v1/batch}: {@code {"batch": [...], "sentAt": ..., "context": ...}}. */
    APIGatewayV2HTTPResponse batch(ApiRequest request) {
        Instant receivedAt = clock.instant();
        Body body = new Body(request, MAX_BATCH_BYTES, "batch");
        Source source = auth.authenticate(request, body::json);
        perSource.acquire(source.sourceId());
        JsonNode batch = body.json().get("batch");
        if (batch == null || batch.isNull()) {
            throw ApiException.invalidField("batch", "is required: an array of events");
        }
        if (!batch.isArray()) {
            throw ApiException.invalidField("batch", "must be an array of events");
        }
        if (batch.isEmpty()) {
            throw ApiException.invalidField("batch", "must contain at least one event");
        }
        Instant sentAt = instant(body.json(), "sentAt");
        JsonNode sharedContext = body.json().get("context");
        List<AcceptedEvent> events = new ArrayList<>(batch.size());
        List<RejectedEventArchive.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = withSharedContext(batch.get(i), sharedContext);
            try {
                events.add(new AcceptedEvent(
                        event,
                        null,
                        receivedAt,
                        sentAt,
                        parser.parse(event, source, null, receivedAt, sentAt, "batch[" + i + "]")));
            } catch (InvalidEventException e) {
                rejected.add(new RejectedEventArchive.Rejection(i, e.field(), e.getMessage(), batch.get(i)));
            }
        }
        if (!rejected.isEmpty()) {
            Metrics.of("ingest").count("EventsRejected", rejected.size()).emit();
            rejectedArchive.keep(source.sourceId(), request.requestId(), rejected);
            LOG.info(
                    "events rejected",
                    "sourceId",
                    source.sourceId(),
                    "rejected",
                    rejected.size(),
                    "valid",
                    events.size());
        }
        if (events.isEmpty()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "invalid_event");
            answer.put(
                    "message",
                    "no event of the batch is valid; first: " + rejected.get(0).message());
            answer.put("rejected", rejectionsOf(rejected));
            return ApiResponses.json(400, answer);
        }
        return writePath.write(source, events, rejected);
    }

    /** The per-event rejections as the answer lists them. */
    static List<Map<String, Object>> rejectionsOf(List<RejectedEventArchive.Rejection> rejected) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RejectedEventArchive.Rejection r : rejected) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", r.index());
            entry.put("error", "invalid_event");
            entry.put("field", r.field());
            entry.put("message", r.message());
            out.add(entry);
        }
        return out;
    }

    /** The request body, size-checked after content decoding and parsed once, on first use. */
    private static final class Body {
        private final ApiRequest request;
        private final int maxBytes;
        private final String field;
        private JsonNode json;

        Body(ApiRequest request, int maxBytes, String field) {
            this.request = request;
            this.maxBytes = maxBytes;
            this.field = field;
        }

        JsonNode json() {
            if (json == null) {
                int size = request.content().length;
                if (size > maxBytes) {
                    throw ApiException.invalidField(
                            field, "body is " + size + " bytes; the limit is " + maxBytes + " bytes per " + field);
                }
                json = request.jsonBody();
            }
            return json;
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
