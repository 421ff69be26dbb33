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
    /**
     * Longest path or query parameter, in UTF-8 bytes: parameters become parts of DynamoDB keys,
     * whose partition key may hold at most 2048 bytes, so a longer one is the caller's error (400).
     */
    public static final int MAX_PARAMETER_BYTES = 1024;
    /** Largest body after content decoding (a small gzip body may inflate to gigabytes). */
    public static final int MAX_DECODED_BODY_BYTES = 4 * 1024 * 1024;

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
        var http = event.getRequestContext() == null
                ? null
                : event.getRequestContext().getHttp();
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

    /** A path parameter; longer than {@link #MAX_PARAMETER_BYTES} (UTF-8) is a 400, before any store sees it. */
    public Optional<String> pathParameter(String name) {
        return lookup(event.getPathParameters(), name).map(value -> bounded(name, value));
    }

    /** A path parameter the route template guarantees; a missing one is a 400. */
    public String requiredPathParameter(String name) {
        return pathParameter(name)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> ApiException.invalidField(name, "path parameter is required"));
    }

    /** A query parameter; longer than {@link #MAX_PARAMETER_BYTES} (UTF-8) is a 400, before any store sees it. */
    public Optional<String> queryParameter(String name) {
        return lookup(event.getQueryStringParameters(), name).map(value -> bounded(name, value));
    }

    private static String bounded(String name, String value) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PARAMETER_BYTES) {
            throw ApiException.invalidField(
                    name, "is " + bytes + " bytes; the limit is " + MAX_PARAMETER_BYTES + " bytes");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ApiException.invalidField(name, "contains a NUL character");
        }
        return value;
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

    /** The body as UTF-8 text, after any {@code content-encoding} (see {@link #content()}); empty when absent. */
    public String body() {
        return new String(content(), StandardCharsets.UTF_8);
    }

    /**
     * The body exactly as sent, for signature checks and size limits (API Gateway base64-encodes
     * binary bodies, such as gzip, and this undoes only that).
     */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (!event.getIsBase64Encoded()) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body is marked base64 but is not valid base64");
        }
    }

    /**
     * The body's content: {@link #bodyBytes()} decoded per {@code content-encoding} ({@code gzip},
     * {@code x-gzip}, {@code deflate} (zlib or raw), {@code identity}), at most
     * {@link #MAX_DECODED_BODY_BYTES}; another encoding is a 415, a corrupt one a 400.
     */
    public byte[] content() {
        return ContentEncoding.decode(header("content-encoding").orElse(""), bodyBytes(), MAX_DECODED_BODY_BYTES);
    }

    /** The body parsed as a JSON object, whatever the content type SDKs declare; anything else is a 400 that says why. */
    public JsonNode jsonBody() {
        byte[] content = content();
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            throw ApiException.badRequest("request body is empty; a JSON object is required");
        }
        JsonNode node;
        try {
            node = Json.parse(content);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(400, "malformed_json", "request body is not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw new ApiException(400, "malformed_json", "request body is not valid JSON");
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
