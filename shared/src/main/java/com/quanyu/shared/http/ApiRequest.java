package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of an API Gateway HTTP API (payload 2.0) request: case-insensitive headers,
 * decoded body, path and query parameters.
 */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;

    private ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public static ApiRequest of(APIGatewayV2HTTPEvent event) {
        return new ApiRequest(event);
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    /** API Gateway's route key, e.g. {@code POST /v1/profiles/{id}}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        if (http != null && http.getMethod() != null) {
            return http.getMethod();
        }
        String key = routeKey();
        int space = key.indexOf(' ');
        return space > 0 ? key.substring(0, space) : "";
    }

    public String rawPath() {
        return event.getRawPath() == null ? "" : event.getRawPath();
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "" : context.getRequestId();
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(entry.getValue());
            }
        }
        return Optional.empty();
    }

    public Optional<String> pathParameter(String name) {
        return lookup(event.getPathParameters(), name);
    }

    /** A path parameter the route template guarantees; a missing one is a 400. */
    public String requiredPathParameter(String name) {
        return pathParameter(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> ApiException.invalidField(name, "path parameter is required"));
    }

    public Optional<String> queryParameter(String name) {
        return lookup(event.getQueryStringParameters(), name);
    }

    public int intQueryParameter(String name, int fallback, int min, int max) {
        Optional<String> raw = queryParameter(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value < min || value > max) {
                throw ApiException.invalidField(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "must be a whole number");
        }
    }

    /** The body as UTF-8 text (API Gateway base64-encodes binary bodies); empty when absent. */
    public String body() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (event.getIsBase64Encoded()) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("body is marked base64 but is not valid base64");
            }
        }
        return body;
    }

    /** The body as raw bytes, for signature checks that must see exactly what was sent. */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded()
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body parsed as a JSON object; anything else is a 400 that says why. */
    public JsonNode jsonBody() {
        String body = body();
        if (body.isBlank()) {
            throw ApiException.badRequest("request body is empty; a JSON object is required");
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(400, "malformed_json", "request body is not valid JSON" + where);
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object");
        }
        return node;
    }

    private static Optional<String> lookup(Map<String, String> map, String name) {
        return map == null ? Optional.empty() : Optional.ofNullable(map.get(name));
    }
}
