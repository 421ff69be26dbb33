package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local runtime end to end: real template, real handlers, real stand-ins, over HTTP. */
class LocalRuntimeTest {
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, false), List.of());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void declaredRouteReachesTheRealHandlerAndMalformedInputGetsAJsonError() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/track", "{\"type\": \"track\", ");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
        JsonNode body = Json.parse(response.body());
        assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), response.body());
        assertFalse(body.get("message").asText().startsWith("template.yaml declares no route"), "the gateway must pass it on");
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void undeclaredRouteIsAJson404FromTheGateway() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/nothing-here", null);
        assertEquals(404, response.statusCode());
        assertTrue(Json.parse(response.body()).get("message").asText().startsWith("template.yaml declares no route"));
    }

    @Test
    void scheduledFunctionsCanBeFiredOnDemand() throws Exception {
        HttpResponse<String> list = send("GET", "/_local/functions", null);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("TrainFunction"), list.body());
        assertEquals(404, send("POST", "/_local/schedules/TrainFunction/NoSuchSchedule", "").statusCode());
        HttpResponse<String> fired = send("POST", "/_local/schedules/TrainFunction/Nightly", "");
        assertEquals(200, fired.statusCode(), fired.body());
        assertEquals(404, send("POST", "/_local/invoke/NoSuchFunction", "{}").statusCode());
        assertEquals(400, send("POST", "/_local/invoke/TrainFunction", "{not json").statusCode());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                .header("content-type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
