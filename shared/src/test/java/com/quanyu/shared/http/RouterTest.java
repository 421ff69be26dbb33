package com.quanyu.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class RouterTest {
    private final Router router = Router.builder()
            .post("/v1/echo", request -> ApiResponses.ok(request.jsonBody()))
            .get(
                    "/v1/items/{id}",
                    request -> ApiResponses.ok(Map.of(
                            "id",
                            request.requiredPathParameter("id"),
                            "n",
                            request.intQueryParameter("n", 10, 1, 100))))
            .get("/v1/storage", request -> {
                throw SdkClientException.create("connection refused");
            })
            .get("/v1/bug", request -> {
                throw new IllegalStateException("secret internals");
            })
            .build();

    @Test
    void dispatchesByRouteKey() throws Exception {
        APIGatewayV2HTTPResponse response = router.handle(event("POST /v1/echo", "{\"a\":1}", null));
        assertEquals(200, response.getStatusCode());
        assertEquals(1, Json.parse(response.getBody()).get("a").asInt());
    }

    @Test
    void malformedJsonIsA400NamingWhere() throws Exception {
        JsonNode body = error(router.handle(event("POST /v1/echo", "{\"a\":", null)), 400);
        assertEquals("malformed_json", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("line 1"), body.toString());
        assertEquals(
                "bad_request",
                error(router.handle(event("POST /v1/echo", "[1,2]", null)), 400)
                        .get("error")
                        .asText());
        assertEquals(
                "bad_request",
                error(router.handle(event("POST /v1/echo", "", null)), 400)
                        .get("error")
                        .asText());
    }

    @Test
    void base64BodiesAreDecoded() throws Exception {
        APIGatewayV2HTTPEvent event = event(
                "POST /v1/echo",
                Base64.getEncoder().encodeToString("{\"名\":\"全域\"}".getBytes(StandardCharsets.UTF_8)),
                null);
        event.setIsBase64Encoded(true);
        assertEquals("全域", Json.parse(router.handle(event).getBody()).get("名").asText());
    }

    @Test
    void queryParametersAreValidated() throws Exception {
        APIGatewayV2HTTPEvent event = event("GET /v1/items/{id}", null, Map.of("n", "1000"));
        event.setPathParameters(Map.of("id", "x"));
        JsonNode body = error(router.handle(event), 400);
        assertTrue(body.get("message").asText().startsWith("n:"), body.toString());
        event.setQueryStringParameters(Map.of("n", "abc"));
        assertEquals(
                "invalid_field", error(router.handle(event), 400).get("error").asText());
    }

    @Test
    void storageFailureIsRetryableAndBugsDoNotLeakInternals() throws Exception {
        APIGatewayV2HTTPResponse unavailable = router.handle(event("GET /v1/storage", null, null));
        error(unavailable, 503);
        assertEquals("1", unavailable.getHeaders().get("retry-after"));
        JsonNode bug = error(router.handle(event("GET /v1/bug", null, null)), 500);
        assertFalse(bug.toString().contains("secret internals"));
    }

    @Test
    void unknownRouteIs404AndDuplicateRoutesAreRejected() throws Exception {
        error(router.handle(event("GET /v1/none", null, null)), 404);
        assertThrows(
                IllegalArgumentException.class,
                () -> Router.builder().get("/v1/a", r -> null).get("/v1/a", r -> null));
    }

    private static JsonNode error(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode body = Json.parse(response.getBody());
        assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), response.getBody());
        return body;
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String body, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(routeKey.split(" ")[1])
                .withBody(body)
                .withQueryStringParameters(query)
                .build();
    }
}
