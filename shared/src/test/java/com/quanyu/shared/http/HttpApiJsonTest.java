package com.quanyu.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiJsonTest {
    @Test
    void readsEverySampleHttpApiEventAsJacksonsMapperDoes() throws IOException {
        List<Path> samples = RepoRoot.sampleEvents("events");
        int httpApiEvents = 0;
        for (Path sample : samples) {
            String json = Files.readString(sample);
            JsonNode tree = Json.parse(json);
            if (!tree.isObject() || !"2.0".equals(tree.path("version").asText()) || !tree.has("routeKey")) {
                continue; // another trigger's event (S3, SQS, a schedule) or a CSV's neighbour
            }
            httpApiEvents++;
            assertEquals(Json.mapper().readValue(json, APIGatewayV2HTTPEvent.class), read(json), sample.toString());
        }
        assertTrue(httpApiEvents >= 20, "only " + httpApiEvents + " HTTP API sample events found");
    }

    @Test
    void readsEveryFieldOfThePayload() throws IOException {
        String json = """
                {"version":"2.0","routeKey":"POST /v1/x","rawPath":"/v1/x","rawQueryString":"a=1&b=2",
                 "cookies":["c=1","d=2"],"headers":{"x-n":"1","X-Forwarded-For":"10.0.0.1"},
                 "queryStringParameters":{"a":"1","b":"2"},"pathParameters":{"id":"7"},"stageVariables":null,
                 "body":"eyJ4IjoxfQ==","isBase64Encoded":true,"unknownField":{"nested":[1,{"deep":true}]},
                 "requestContext":{"routeKey":"POST /v1/x","accountId":"123","stage":"$default","apiId":"api",
                   "domainName":"d.example.com","domainPrefix":"d","time":"02/Dec/2026:11:00:00 +0000",
                   "timeEpoch":1796209200000,"requestId":"r-1",
                   "http":{"method":"POST","path":"/v1/x","protocol":"HTTP/1.1","sourceIp":"10.0.0.1","userAgent":"ua"},
                   "authorizer":{"jwt":{"claims":{"sub":"s","exp":1796212800,"cognito:groups":"[admin]"},"scopes":["a"]},
                     "lambda":{"tenant":"t1","limit":5,"ratio":0.5,"on":true,"tags":["x"],"nested":{"n":null}},
                     "iam":{"accessKey":"AK","accountId":"123","callerId":"C","principalOrgId":"o","userArn":"arn",
                       "userId":"U","cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}
                """;
        APIGatewayV2HTTPEvent event = read(json);

        assertEquals(Json.mapper().readValue(json, APIGatewayV2HTTPEvent.class), event);
        assertEquals("a=1&b=2", event.getRawQueryString());
        assertTrue(event.getIsBase64Encoded());
        assertEquals(1796209200000L, event.getRequestContext().getTimeEpoch());
        assertEquals(
                "1796212800",
                event.getRequestContext().getAuthorizer().getJwt().getClaims().get("exp"));
        assertEquals(5, event.getRequestContext().getAuthorizer().getLambda().get("limit"));
        assertEquals(
                "p",
                event.getRequestContext()
                        .getAuthorizer()
                        .getIam()
                        .getCognitoIdentity()
                        .getIdentityPoolId());
        assertNull(event.getStageVariables());
    }

    @Test
    void refusesJsonThatIsNoEventOrHasAFieldOfTheWrongShape() {
        for (String json : List.of(
                "[]",
                "\"text\"",
                "{\"headers\":[\"a\"]}",
                "{\"headers\":{\"a\":{\"b\":1}}}",
                "{\"requestContext\":\"x\"}",
                "{\"cookies\":\"c=1\"}",
                "{\"body\":",
                "")) {
            assertThrows(IOException.class, () -> read(json), json);
        }
    }

    @Test
    void writesTheResponseAsJacksonsMapperDoesWithoutNulls() throws IOException {
        APIGatewayV2HTTPResponse full = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(429)
                .withHeaders(Map.of("content-type", "application/json", "retry-after", "3"))
                .withMultiValueHeaders(Map.of("x-many", List.of("1", "2")))
                .withCookies(List.of("a=1; Secure"))
                .withBody("{\"error\":\"rate_limited\",\"message\":\"slow down \\u00e9\"}")
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse bare =
                APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        for (APIGatewayV2HTTPResponse response : List.of(full, bare)) {
            assertEquals(Json.mapper().valueToTree(response), Json.parse(write(response)));
        }
    }

    @Test
    void anHttpApiHandlerAnswersTheRawEventThroughItsTypedMethod() throws IOException {
        HttpApiHandler handler = (event, context) -> ApiResponses.json(
                201,
                Map.of(
                        "route", event.getRouteKey(),
                        "groups",
                                event.getRequestContext()
                                        .getAuthorizer()
                                        .getJwt()
                                        .getClaims()
                                        .get(StaffAccess.GROUPS_CLAIM)));
        String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /v1/x\",\"requestContext\":{\"authorizer\":"
                + "{\"jwt\":{\"claims\":{\"" + StaffAccess.GROUPS_CLAIM + "\":\"[admin]\"}}}}}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);

        JsonNode response = Json.parse(output.toByteArray());
        assertEquals(201, response.get("statusCode").asInt());
        assertFalse(response.get("isBase64Encoded").asBoolean());
        JsonNode body = Json.parse(response.get("body").asText());
        assertEquals("GET /v1/x", body.get("route").asText());
        assertEquals("[admin]", body.get("groups").asText());
    }

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpApiJson.readEvent(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String write(APIGatewayV2HTTPResponse response) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        HttpApiJson.writeResponse(response, output);
        return output.toString(StandardCharsets.UTF_8);
    }
}
