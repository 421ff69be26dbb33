package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds API Gateway HTTP API responses with JSON bodies, including the error format. */
public final class ApiResponses {
    private static final Map<String, String> JSON_HEADERS = Map.of("content-type", "application/json; charset=utf-8");

    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON_HEADERS)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body);
    }

    /** A non-JSON body, such as an SVG drawing or a platform's XML reply. */
    public static APIGatewayV2HTTPResponse text(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType))
                .withBody(body)
                .build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    public static APIGatewayV2HTTPResponse error(ApiException e) {
        APIGatewayV2HTTPResponse response = error(e.status(), e.error(), e.getMessage());
        if (e.status() == 503 || e.status() == 429) {
            Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
            headers.put("retry-after", Long.toString(e.retryAfterSeconds()));
            response.setHeaders(headers);
        }
        return response;
    }
}
