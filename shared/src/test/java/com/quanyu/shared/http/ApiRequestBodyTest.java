package com.quanyu.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Bodies as SDKs send them, the limits every route inherits, and storage refusals as 400s. */
class ApiRequestBodyTest {
    private static final byte[] JSON = "{\"type\":\"track\",\"n\":\"李\"}".getBytes(StandardCharsets.UTF_8);

    private static ApiRequest binary(String encoding, byte[] body) {
        return ApiRequest.of(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-encoding", encoding, "content-type", "application/x-www-form-urlencoded"))
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .build());
    }

    @Test
    void gzipAndBothDeflateFormsAreDecodedUnderAFormContentType() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(JSON);
        }
        assertEquals(
                "track", binary("gzip", gz.toByteArray()).jsonBody().get("type").asText());
        assertEquals("李", binary("x-gzip", gz.toByteArray()).jsonBody().get("n").asText());
        for (boolean raw : new boolean[] {false, true}) {
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (DeflaterOutputStream out =
                    new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
                out.write(JSON);
            }
            assertEquals(
                    "track",
                    binary("deflate", deflated.toByteArray())
                            .jsonBody()
                            .get("type")
                            .asText(),
                    "raw=" + raw);
        }
    }

    @Test
    void corruptUnknownAndBombBodiesAre4xx() throws Exception {
        assertEquals(
                400,
                assertThrows(ApiException.class, () -> binary("gzip", JSON).jsonBody())
                        .status());
        assertEquals(
                415,
                assertThrows(ApiException.class, () -> binary("br", JSON).jsonBody())
                        .status());
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[ApiRequest.MAX_DECODED_BODY_BYTES + 1]);
        }
        assertEquals(
                413,
                assertThrows(
                                ApiException.class,
                                () -> binary("gzip", gz.toByteArray()).jsonBody())
                        .status());
        APIGatewayV2HTTPEvent badBase64 = APIGatewayV2HTTPEvent.builder()
                .withBody("%%%")
                .withIsBase64Encoded(true)
                .build();
        assertEquals(
                400,
                assertThrows(ApiException.class, () -> ApiRequest.of(badBase64).bodyBytes())
                        .status());
    }

    @Test
    void bodiesThatAreNotAJsonObjectGetTheSame400AsTheMapperWouldGive() {
        // request-shaped bodies; JsonStreamsTest compares the parse errors themselves on more kinds
        List<String> bodies = List.of(
                "{\"type\":\"track\",\"properties\":{\"total\":}}",
                "{\n  \"userId\": \"u1\",\n  \"event\" \"Order Completed\"\n}",
                "{'userId':'u1'}",
                "{\"batch\":[{\"type\":\"page\"},]}",
                "{\"userId\":\"u1\"",
                "{\"n\":" + "[".repeat(1100) + "]".repeat(1100) + "}");
        for (String body : bodies) {
            ApiException e = assertThrows(ApiException.class, () -> json(body).jsonBody(), body);
            var location = assertThrows(
                            JsonProcessingException.class,
                            () -> Json.mapper().readTree(body.getBytes(StandardCharsets.UTF_8)))
                    .getLocation();
            assertEquals(400, e.status(), body);
            assertEquals("malformed_json", e.error(), body);
            String where = location == null
                    ? "" // the nesting limit: no position
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            assertEquals("request body is not valid JSON" + where, e.getMessage(), body);
        }
        for (String notAnObject : List.of("null", "[1]", "\"text\"", "42", "1e400")) {
            ApiException e =
                    assertThrows(ApiException.class, () -> json(notAnObject).jsonBody(), notAnObject);
            assertEquals(400, e.status(), notAnObject);
            assertEquals("request body must be a JSON object", e.getMessage(), notAnObject);
        }
        assertEquals(
                "request body is empty; a JSON object is required",
                assertThrows(ApiException.class, () -> json(" \n").jsonBody()).getMessage());
        assertEquals(3, json("{\"a\":1,\"a\":3}").jsonBody().get("a").asInt(), "a repeated key: the last value");
        assertEquals(
                "{\"a\":3}", Json.write(json("{\"a\":1,\"a\":3} trailing").jsonBody()), "trailing content ignored");
    }

    private static ApiRequest json(String body) {
        return ApiRequest.of(APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .build());
    }

    @Test
    void parametersLongerThanAKeyCanHoldAre400s() {
        ApiRequest request = ApiRequest.of(APIGatewayV2HTTPEvent.builder()
                .withPathParameters(
                        Map.of("id", "x".repeat(ApiRequest.MAX_PARAMETER_BYTES + 1), "ok", "u1", "nul", "a\u0000b"))
                .withQueryStringParameters(Map.of("q", "测".repeat(400)))
                .build());
        assertEquals("u1", request.requiredPathParameter("ok"));
        assertEquals(
                400,
                assertThrows(ApiException.class, () -> request.requiredPathParameter("id"))
                        .status());
        assertEquals(
                400,
                assertThrows(ApiException.class, () -> request.pathParameter("nul"))
                        .status());
        assertEquals(
                400,
                assertThrows(ApiException.class, () -> request.queryParameter("q"))
                        .status(),
                "1200 UTF-8 bytes");
    }

    @Test
    void aStorageValidationErrorIsA400NeverA503() {
        AwsServiceException tooLarge = AwsServiceException.builder()
                .statusCode(400)
                .message("key too large")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException")
                        .build())
                .build();
        AwsServiceException throttled = AwsServiceException.builder()
                .statusCode(400)
                .message("slow down")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .build())
                .build();
        Router router = Router.builder()
                .get("/v1/invalid", r -> {
                    throw tooLarge;
                })
                .get("/v1/throttled", r -> {
                    throw throttled;
                })
                .build();
        APIGatewayV2HTTPResponse invalid = router.handle(
                APIGatewayV2HTTPEvent.builder().withRouteKey("GET /v1/invalid").build());
        assertEquals(400, invalid.getStatusCode(), invalid.getBody());
        assertEquals(
                503,
                router.handle(APIGatewayV2HTTPEvent.builder()
                                .withRouteKey("GET /v1/throttled")
                                .build())
                        .getStatusCode());
    }
}
