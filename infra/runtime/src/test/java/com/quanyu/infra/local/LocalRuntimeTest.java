package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local runtime end to end: real template, real handlers, real stand-ins, over HTTP. */
@ExtendWith(LocalRuntimeExtension.class)
class LocalRuntimeTest {
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The test JVM's one unseeded runtime, which the extension stops when the run ends. */
    @BeforeAll
    static void start(LocalRuntime shared) {
        runtime = shared;
    }

    @Test
    void declaredRouteReachesTheRealHandlerAndMalformedInputGetsAJsonError() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/track", "{\"type\": \"track\", ");
        assertTrue(
                response.statusCode() >= 400 && response.statusCode() < 500,
                response.statusCode() + " " + response.body());
        JsonNode body = Json.parse(response.body());
        assertTrue(body.hasNonNull("error") && body.hasNonNull("message"), response.body());
        assertFalse(
                body.get("message").asText().startsWith("template.yaml declares no route"),
                "the gateway must pass it on");
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
        assertEquals(
                404,
                send("POST", "/_local/schedules/TrainFunction/NoSuchSchedule", "")
                        .statusCode());
        HttpResponse<String> fired = send("POST", "/_local/schedules/TrainFunction/Nightly", "");
        assertEquals(200, fired.statusCode(), fired.body());
        assertEquals(404, send("POST", "/_local/invoke/NoSuchFunction", "{}").statusCode());
        assertEquals(
                400, send("POST", "/_local/invoke/TrainFunction", "{not json").statusCode());
    }

    @Test
    void resigningSaysWhatItReplacedAndAForgedEventStillFailsThroughTheGateway() throws Exception {
        String sample = Files.readString(RepoRoot.find().resolve("events/chatbot/telegram-update.json"));
        HttpResponse<String> invoked = send("POST", "/_local/invoke/ChatbotFunction", sample);
        JsonNode answer = Json.parse(invoked.body());
        assertEquals(200, answer.get("statusCode").asInt(), invoked.body());
        assertTrue(
                answer.path("_local").path("resigned").toString().contains("x-telegram-bot-api-secret-token"),
                invoked.body());
        // The public route itself does not re-sign: the placeholder secret is refused.
        HttpRequest forged = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/v1/chat/telegram"))
                .header("content-type", "application/json")
                .header("x-telegram-bot-api-secret-token", "local-telegram-secret-token")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Json.parse(sample).get("body").asText()))
                .build();
        int status = HTTP.send(forged, HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 401 || status == 403, "forged webhook must be refused: " + status);
    }

    @Test
    void chatRepliesReachTheOutboxWhichListsFiltersAndClears() throws Exception {
        long user = 700_000_000L + System.nanoTime() % 1_000_000;
        String update = "{\"update_id\": " + user + ", \"message\": {\"message_id\": 5, \"date\": 1764633600, "
                + "\"from\": {\"id\": " + user + ", \"is_bot\": false, \"language_code\": \"en\"}, "
                + "\"chat\": {\"id\": " + user + ", \"type\": \"private\"}, \"text\": \"hello, where is my order?\"}}";
        HttpResponse<String> webhook = send(
                "POST",
                "/v1/chat/telegram",
                update,
                "x-telegram-bot-api-secret-token",
                runtime.platform().secret("TELEGRAM_SECRET_TOKEN"));
        assertEquals(200, webhook.statusCode(), webhook.body());

        JsonNode outbox = Json.parse(send("GET", "/_local/outbox?channel=telegram&recipient=" + user, null)
                .body());
        assertEquals(1, outbox.get("count").asInt(), outbox.toString());
        JsonNode sent = outbox.get("messages").get(0);
        assertFalse(sent.get("text").asText().isBlank(), sent.toString());
        assertEquals("/bot***/sendMessage", sent.get("path").asText(), "the bot token never lands in the record");
        assertEquals(
                0,
                Json.parse(send("GET", "/_local/outbox?channel=line&recipient=" + user, null)
                                .body())
                        .get("count")
                        .asInt());

        assertTrue(Json.parse(send("DELETE", "/_local/outbox?channel=telegram", null)
                                .body())
                        .get("cleared")
                        .asInt()
                >= 1);
        assertEquals(
                0,
                Json.parse(send("GET", "/_local/outbox?channel=telegram", null).body())
                        .get("count")
                        .asInt());
    }

    @Test
    void staffSignInIsTheAuthContractTheConsoleUses() throws Exception {
        assertEquals(
                401,
                send("POST", "/_local/auth/token", "{\"username\":\"analyst\",\"password\":\"wrong\"}")
                        .statusCode());
        assertEquals(400, send("POST", "/_local/auth/token", "{\"username\":1}").statusCode());
        HttpResponse<String> signIn = send(
                "POST",
                "/_local/auth/token",
                Json.write(java.util.Map.of(
                        "username",
                        "analyst",
                        "password",
                        runtime.platform().secret(LocalSecrets.staffPasswordName("analyst")))));
        assertEquals(200, signIn.statusCode(), signIn.body());
        JsonNode tokens = Json.parse(signIn.body());
        assertEquals(3600, tokens.get("expiresIn").asInt());
        assertTrue(tokens.get("accessToken").asText().split("\\.").length == 3);
        JsonNode jwks = Json.parse(
                send("GET", "/_local/auth/.well-known/jwks.json", null).body());
        assertEquals("RS256", jwks.path("keys").get(0).path("alg").asText());

        // A staff route: no token 401, a forged one 401, the wrong group 403 (from the function), the right group
        // passes.
        String route = "/v1/campaigns";
        HttpResponse<String> anonymous = send("GET", route, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
        assertEquals(
                401,
                send(
                                "GET",
                                route,
                                null,
                                "authorization",
                                "Bearer " + tokens.get("idToken").asText() + "x")
                        .statusCode());
        HttpResponse<String> agent = send("GET", route, null, "authorization", "Bearer " + runtime.staffToken("agent"));
        assertEquals(403, agent.statusCode(), agent.body());
        assertEquals(
                200,
                send(
                                "GET",
                                route,
                                null,
                                "authorization",
                                "Bearer " + tokens.get("idToken").asText())
                        .statusCode());
        assertEquals(
                200,
                send(
                                "GET",
                                route,
                                null,
                                "authorization",
                                "Bearer " + tokens.get("accessToken").asText())
                        .statusCode());
    }

    @Test
    void loopbackOriginsGetCorsAnswers() throws Exception {
        HttpResponse<String> preflight = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/_local/auth/token"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("origin", "http://localhost:5173")
                        .header("access-control-request-method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode());
        assertEquals(
                "http://localhost:5173",
                preflight.headers().firstValue("access-control-allow-origin").orElse(""));
        assertTrue(preflight
                .headers()
                .firstValue("access-control-allow-headers")
                .orElse("")
                .contains("authorization"));
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).header("content-type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
