package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.shared.testing.StaffClaims;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway HTTP API (payload 2.0) requests as API Gateway would send them. */
final class ApiEvents {
    private ApiEvents() {}

    static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    static APIGatewayV2HTTPEvent post(String path, String body, Map<String, String> headers) {
        return request("POST", path, path, body, headers, Map.of());
    }

    static APIGatewayV2HTTPEvent request(
            String method,
            String routePath,
            String rawPath,
            String body,
            Map<String, String> headers,
            Map<String, String> pathParameters) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http)
                .withRequestId("test-" + System.nanoTime())
                .build();
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        lower.putIfAbsent("content-type", "application/json");
        return StaffClaims.authorised(APIGatewayV2HTTPEvent.builder()
                .withRouteKey(method + " " + routePath)
                .withRawPath(rawPath)
                .withHeaders(lower)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .build());
    }
}
