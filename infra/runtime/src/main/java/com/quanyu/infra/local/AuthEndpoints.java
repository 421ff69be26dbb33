package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The local staff sign-in ({@code /_local/auth}): {@code POST /_local/auth/token} with
 * {@code {"username", "password"}} answers {@code {"idToken", "accessToken", "expiresIn",
 * "tokenType"}}; {@code GET /_local/auth/.well-known/jwks.json} the signing key. In AWS the console
 * signs in against the Cognito user pool instead and gets tokens of the same shape.
 */
final class AuthEndpoints implements HttpGateway.ControlEndpoint {
    private final LocalAuth auth;

    AuthEndpoints(LocalAuth auth) {
        this.auth = auth;
    }

    @Override
    public Optional<HttpGateway.Reply> handle(String method, String path, String body) {
        if ("GET".equals(method) && "/_local/auth/.well-known/jwks.json".equals(path)) {
            return Optional.of(new HttpGateway.Reply(200, auth.jwks()));
        }
        if (!"/_local/auth/token".equals(path)) {
            return Optional.empty();
        }
        if (!"POST".equals(method)) {
            return Optional.of(new HttpGateway.Reply(
                    405, Map.of("error", "method_not_allowed", "message", "POST a JSON {\"username\", \"password\"}")));
        }
        JsonNode request;
        try {
            request = Json.parse(body == null || body.isBlank() ? "null" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            request = null;
        }
        if (request == null
                || !request.path("username").isTextual()
                || !request.path("password").isTextual()) {
            return Optional.of(new HttpGateway.Reply(
                    400,
                    Map.of(
                            "error",
                            "invalid_request",
                            "message",
                            "body must be a JSON object with string fields username and password")));
        }
        return Optional.of(auth.issue(
                        request.get("username").asText(),
                        request.get("password").asText())
                .map(tokens -> new HttpGateway.Reply(
                        200,
                        Map.of(
                                "idToken",
                                tokens.idToken(),
                                "accessToken",
                                tokens.accessToken(),
                                "expiresIn",
                                tokens.expiresIn(),
                                "tokenType",
                                "Bearer")))
                .orElseGet(() -> new HttpGateway.Reply(
                        401, Map.of("error", "invalid_credentials", "message", "user name or password is wrong"))));
    }
}
