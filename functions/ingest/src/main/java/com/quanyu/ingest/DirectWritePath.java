package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
    public APIGatewayV2HTTPResponse write(Source source, List<AcceptedEvent> events) {
        IngestReport report;
        try {
            report = pipeline.process(source, events.stream().map(AcceptedEvent::parsed).toList());
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
}
