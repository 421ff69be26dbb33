package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.buffer.BufferRecord;
import com.quanyu.ingest.buffer.EventBuffer;
import com.quanyu.ingest.store.RejectedEventArchive;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts into the durable buffer and answers as Segment does: 200 once every event is stored
 * (dedupe, stitching and profiles follow in the consumer); 429 with {@code retry-after} when the
 * buffer is at capacity; 503 when it failed otherwise. Either way the client retries the whole
 * request, and copies of events stored by an earlier attempt are dropped by the consumer's dedupe.
 */
final class BufferedWritePath implements WritePath {
    private final EventBuffer buffer;

    BufferedWritePath(EventBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public APIGatewayV2HTTPResponse write(
            Source source, List<AcceptedEvent> events, List<RejectedEventArchive.Rejection> rejected) {
        List<BufferRecord> records = events.stream()
                .map(e -> BufferRecord.of(source, e.raw(), e.routeType(), e.receivedAt(), e.sentAt(), e.parsed()))
                .toList();
        try {
            buffer.put(records);
        } catch (EventBuffer.BufferFullException e) {
            throw ApiException.tooManyRequests(
                    "ingestion is at capacity; retry the same request after the retry-after delay");
        } catch (IngestUnavailableException e) {
            throw ApiException.unavailable("ingestion is temporarily unavailable; retry the same request", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("accepted", events.size());
        if (!rejected.isEmpty()) {
            body.put("rejected", SegmentIntake.rejectionsOf(rejected));
        }
        return ApiResponses.ok(body);
    }
}
