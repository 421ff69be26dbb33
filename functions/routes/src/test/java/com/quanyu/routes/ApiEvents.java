package com.quanyu.routes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.shared.testing.StaffClaims;
import java.util.HashMap;
import java.util.Map;

/** HTTP API (payload 2.0) events as API Gateway would deliver them to the handler. */
final class ApiEvents {
    private ApiEvents() {}

    static APIGatewayV2HTTPEvent post(
            String path, String body, Map<String, String> query, Map<String, String> headers) {
        return event("POST " + path, path, body, query, Map.of(), headers);
    }

    static APIGatewayV2HTTPEvent getJob(String id, Map<String, String> query) {
        return event("GET /v1/routes/jobs/{id}", "/v1/routes/jobs/" + id, null, query, Map.of("id", id), Map.of());
    }

    private static APIGatewayV2HTTPEvent event(
            String routeKey,
            String rawPath,
            String body,
            Map<String, String> query,
            Map<String, String> pathParameters,
            Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        return StaffClaims.authorised(APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withBody(body)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(allHeaders)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.split(" ")[0])
                                .withPath(rawPath)
                                .build())
                        .build())
                .build());
    }
}
