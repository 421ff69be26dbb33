package com.quanyu.ingest.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Sources and their write keys for the admin console: {@code GET /v1/admin/sources} lists keys
 * (never the keys themselves); {@code POST /v1/admin/sources} {@code {"name", "channel"}} creates a
 * source and shows its key once; {@code POST /v1/admin/sources/{id}/rotate} issues a new key and
 * disables the old; {@code POST /v1/admin/sources/{id}/disable} disables every key of the source.
 */
public final class SourceAdmin {
    private final SourceRegistry registry;

    /** Staff routes: the shared Router checks the caller's group (docs/security.md) before these run. */
    public SourceAdmin(SourceRegistry registry) {
        this.registry = registry;
    }

    public APIGatewayV2HTTPResponse list(ApiRequest request) {
        return ApiResponses.ok(Map.of("sources", registry.list()));
    }

    public APIGatewayV2HTTPResponse create(ApiRequest request) {
        JsonNode body = request.jsonBody();
        String name = body.path("name").asText("").strip();
        String channel = body.path("channel").asText("").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiException.invalidField("name", "must be 1-100 characters");
        }
        if (!Source.isChannelName(channel)) {
            throw ApiException.invalidField(
                    "channel", "must be a short lower-case name such as web, app, wechat, store");
        }
        return ApiResponses.json(201, issued(registry.register(name, channel)));
    }

    public APIGatewayV2HTTPResponse rotate(ApiRequest request) {
        try {
            return ApiResponses.ok(issued(registry.rotate(request.requiredPathParameter("id"))));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    public APIGatewayV2HTTPResponse disable(ApiRequest request) {
        try {
            return ApiResponses.ok(Map.of("disabledKeys", registry.disableSource(request.requiredPathParameter("id"))));
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    private static Map<String, Object> issued(SourceRegistry.IssuedKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sourceId", key.source().sourceId());
        body.put("channel", key.source().channel());
        body.put("name", key.name());
        body.put("writeKey", key.writeKey());
        body.put("note", "shown once: only its hash is stored");
        return body;
    }
}
