package com.quanyu.tools.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Sends /v1/batch requests to the real handler as API Gateway would, retrying 503s like an SDK. */
final class IngestClient {
    private final IngestApiHandler handler;

    IngestClient(IngestApiHandler handler) {
        this.handler = handler;
    }

    static APIGatewayV2HTTPEvent batchRequest(String writeKey, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST")
                .withPath("/v1/batch")
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /v1/batch")
                .withRawPath("/v1/batch")
                .withHeaders(Map.of(
                        "content-type",
                        "application/json",
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(http)
                        .withRequestId("t")
                        .build())
                .build();
    }

    static String batchBody(List<ObjectNode> events) {
        ObjectNode body = Json.object();
        ArrayNode batch = body.putArray("batch");
        events.forEach(batch::add);
        return Json.write(body);
    }

    /** Sends until the answer is not 503; returns the final response. */
    APIGatewayV2HTTPResponse send(String writeKey, List<ObjectNode> events) throws InterruptedException {
        String body = batchBody(events);
        APIGatewayV2HTTPResponse response = handler.handleRequest(batchRequest(writeKey, body), null);
        for (int attempt = 0; response.getStatusCode() == 503 && attempt < 50; attempt++) {
            Thread.sleep(50L + 20L * attempt);
            response = handler.handleRequest(batchRequest(writeKey, body), null);
        }
        return response;
    }
}
