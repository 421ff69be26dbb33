package com.quanyu.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates a Segment-style request: the write key is the user of HTTP Basic authentication
 * (password empty), as Segment's and RudderStack's SDKs send it, or the body's {@code writeKey}.
 */
public final class WriteKeyAuth {
    private final SourceRegistry registry;

    public WriteKeyAuth(SourceRegistry registry) {
        this.registry = registry;
    }

    /**
     * Authenticates before the body is judged: the header's key when there is one (the body is not
     * parsed then); otherwise the body's {@code writeKey}, and a body that cannot be read has none,
     * so a request without credentials is a 401 whatever its body.
     */
    public Source authenticate(ApiRequest request, Supplier<JsonNode> body) {
        String key = basicUser(request).orElseGet(() -> bodyKey(body));
        if (key == null || key.isBlank()) {
            throw ApiException.unauthorized(
                    "a write key is required as the HTTP Basic user (Authorization: Basic base64(writeKey:))");
        }
        return registry.authenticate(key).orElseThrow(() -> ApiException.unauthorized("unknown or disabled write key"));
    }

    private static String bodyKey(Supplier<JsonNode> body) {
        try {
            JsonNode node = body.get();
            return node.path("writeKey").isTextual() ? node.get("writeKey").asText() : null;
        } catch (ApiException unreadable) {
            return null;
        }
    }

    static Optional<String> basicUser(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("the Authorization header is not valid Basic credentials");
        }
    }
}
