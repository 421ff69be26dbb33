package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.store.RejectedEventArchive;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.log.JsonLogger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synchronous alternative (no {@code INGEST_STREAM}): the pipeline runs inside the request and the
 * answer counts what happened ({@code accepted}, {@code duplicates}, {@code suppressed}); 503 with
 * {@code retry-after} when storage failed or a message is being processed by a concurrent request.
 */
final class DirectWritePath implements WritePath {
    private static final JsonLogger LOG = JsonLogger.of(DirectWritePath.class);
    private final EventPipeline pipeline;

    DirectWritePath(EventPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public APIGatewayV2HTTPResponse write(
            Source source, List<AcceptedEvent> events, List<RejectedEventArchive.Rejection> rejected) {
        IngestReport report;
        try {
            report = pipeline.process(
                    source, events.stream().map(AcceptedEvent::parsed).toList());
        } catch (IngestUnavailableException e) {
            throw ApiException.unavailable("ingestion is temporarily unavailable; retry the same request", e);
        }
        IngestMetrics.emit(report);
        if (report.retryNeeded()) {
            // The plain error body: counts here would read as a partial success and tempt a client to drop the rest.
            LOG.info(
                    "messages in flight elsewhere; asking the client to retry",
                    "sourceId",
                    source.sourceId(),
                    "inFlight",
                    report.count(Status.IN_FLIGHT));
            throw new ApiException(
                    503,
                    "in_flight",
                    report.count(Status.IN_FLIGHT)
                            + " message(s) of this request are being processed by another request; retry the same request");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("accepted", report.count(Status.ACCEPTED));
        body.put("duplicates", report.count(Status.DUPLICATE));
        body.put("suppressed", report.count(Status.SUPPRESSED));
        if (!rejected.isEmpty()) {
            body.put("rejected", SegmentIntake.rejectionsOf(rejected));
        }
        return ApiResponses.ok(body);
    }
}
