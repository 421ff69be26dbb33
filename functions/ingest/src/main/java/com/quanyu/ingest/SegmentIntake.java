package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.WriteKeyAuth;
import com.quanyu.shared.security.RateLimiter;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Segment-compatible intake routes: authenticate the write key, count the request against
 * the source's rate limit (429 with retry-after beyond it), enforce the size limits,
 * validate every event (a request is accepted whole or rejected whole, naming the first bad field),
 * then run the pipeline. Answers 200 {@code {"success": true, ...}}; 503 with {@code retry-after}
 * when storage failed or a message is being processed by a concurrent request, so that SDKs retry.
 */
final class SegmentIntake {
    /** Largest batch request body, as Segment's HTTP API allows. */
    static final int MAX_BATCH_BYTES = 500 * 1024;
    private static final JsonLogger LOG = JsonLogger.of(SegmentIntake.class);

    private final WriteKeyAuth auth;
    private final RateLimiter perSource;
    private final EventPipeline pipeline;
    private final Clock clock;

    SegmentIntake(WriteKeyAuth auth, RateLimiter perSource, EventPipeline pipeline, Clock clock) {
        this.auth = auth;
        this.perSource = perSource;
        this.pipeline = pipeline;
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
        perSource.acquire(source.sourceId());
        return run(source, List.of(parse(body, source, type, receivedAt, null, "")));
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
        perSource.acquire(source.sourceId());
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
        List<CustomerEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            JsonNode event = withSharedContext(batch.get(i), sharedContext);
            events.add(parse(event, source, null, receivedAt, sentAt, "batch[" + i + "]"));
        }
        return run(source, events);
    }

    private CustomerEvent parse(JsonNode event, Source source, EventType type, Instant receivedAt, Instant sentAt, String where) {
        try {
            return pipeline.parser().parse(event, source, type, receivedAt, sentAt, where);
        } catch (InvalidEventException e) {
            throw new ApiException(400, "invalid_event", e.getMessage());
        }
    }

    private APIGatewayV2HTTPResponse run(Source source, List<CustomerEvent> events) {
        IngestReport report;
        try {
            report = pipeline.process(source, events);
        } catch (IngestUnavailableException e) {
            throw ApiException.unavailable("ingestion is temporarily unavailable; retry the same request", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", !report.retryNeeded());
        body.put("accepted", report.count(Status.ACCEPTED));
        body.put("duplicates", report.count(Status.DUPLICATE));
        body.put("suppressed", report.count(Status.SUPPRESSED));
        if (report.retryNeeded()) {
            body.put("inFlight", report.count(Status.IN_FLIGHT));
            LOG.info("messages in flight elsewhere; asking the client to retry", "sourceId", source.sourceId(),
                    "inFlight", report.count(Status.IN_FLIGHT));
            APIGatewayV2HTTPResponse response = ApiResponses.json(503, body);
            response.setHeaders(Map.of("content-type", "application/json; charset=utf-8", "retry-after", "1"));
            return response;
        }
        return ApiResponses.ok(body);
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
