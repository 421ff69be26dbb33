package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An abandoned-cart journey end to end on the local platform: the customer signs up with LINE
 * consent, the journey is defined over the API, a cart is abandoned (the event is stamped three
 * hours ago so the two-hour condition has passed), the lake object reaches the journeys function
 * through the emulated EventBridge rule, the sweep sends the reminder to LINE's stand-in in the
 * outbox, duplicate deliveries of the object and repeated sweeps send nothing more, the click
 * redirect and the order are measured, and the unsubscribe link withdraws consent on the profile.
 */
class JourneysEndToEndTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, false), List.of());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void abandonedCartReachesLineOnceIsMeasuredAndUnsubscribes() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String user = "cart-" + run;
        String lineId = "U" + run;
        Map<String, String> admin = Map.of("authorization", "Bearer " + runtime.staffToken("marketer"));
        String writeKey = new SourceRegistry(
                        runtime.platform().standIns().dynamo(),
                        runtime.platform().standIns().envFor("IngestFunction").required("SOURCES_TABLE"))
                .register("shop-" + run, "web")
                .writeKey();
        Map<String, String> auth = Map.of(
                "authorization",
                "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
        // a zone where it is now midday, so quiet hours do not defer the send
        int offset = Math.floorMod(12 - Instant.now().atOffset(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        String zone = ZoneOffset.ofHours(offset).getId();

        ObjectNode journey = (ObjectNode)
                Json.parse(Files.readString(RepoRoot.find().resolve("events/journeys/abandoned-cart.json")));
        journey.put("id", "cart-" + run);
        journey.put("holdoutPercent", 0);
        HttpResponse<String> created = send("POST", "/v1/journeys", admin, journey.toString());
        assertEquals(201, created.statusCode(), created.body());
        journey.put("holdoutPercent", 90);
        HttpResponse<String> refused = send("POST", "/v1/journeys", admin, journey.toString());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("holdoutPercent"), refused.body());

        assertEquals(
                200,
                send(
                                "POST",
                                "/v1/identify",
                                auth,
                                Json.write(Map.of(
                                        "type",
                                        "identify",
                                        "userId",
                                        user,
                                        "messageId",
                                        "i-" + run,
                                        "traits",
                                        Map.of(
                                                "first_name",
                                                "Mei",
                                                "line_user_id",
                                                lineId,
                                                "timezone",
                                                zone,
                                                "language",
                                                "en"),
                                        "context",
                                        Map.of(
                                                "consent",
                                                Map.of(
                                                        "categoryPreferences",
                                                        Map.of("messaging.line", true),
                                                        "source",
                                                        "signup-form")))))
                        .statusCode());
        String addedAt = Instant.now().minus(Duration.ofHours(3)).toString();
        assertEquals(
                200,
                send(
                                "POST",
                                "/v1/track",
                                auth,
                                Json.write(Map.of(
                                        "type",
                                        "track",
                                        "event",
                                        "Product Added",
                                        "userId",
                                        user,
                                        "messageId",
                                        "a-" + run,
                                        "timestamp",
                                        addedAt,
                                        "properties",
                                        Map.of("sku", "TEA-OOLONG-250"))))
                        .statusCode());
        runtime.deliverStreams(); // accepted events reach the lake through the ingest stream
        runtime.deliverS3Notifications();
        fireSweep();

        JsonNode outbox = Json.parse(send("GET", "/_local/outbox?channel=line&recipient=" + lineId, Map.of(), null)
                .body());
        assertEquals(1, outbox.get("count").asInt(), outbox.toString());
        String text = outbox.get("messages").get(0).get("text").asText();
        assertTrue(text.startsWith("Hi Mei, your cart is waiting: " + runtime.baseUrl() + "/v1/j/c/"), text);

        // injected duplicate deliveries: the same lake objects again, and the sweep again
        for (var object : runtime.platform()
                .standIns()
                .s3()
                .listObjectsV2Paginator(b -> b.bucket(lakeBucket()).prefix("events/"))
                .contents()) {
            String event = Json.write(Map.of(
                    "source",
                    "aws.s3",
                    "detail-type",
                    "Object Created",
                    "detail",
                    Map.of("bucket", Map.of("name", lakeBucket()), "object", Map.of("key", object.key()))));
            runtime.platform().invoke("JourneyEventsFunction", event);
            runtime.platform().invoke("JourneyEventsFunction", event);
        }
        fireSweep();
        fireSweep();
        assertEquals(
                1,
                Json.parse(send("GET", "/_local/outbox?channel=line&recipient=" + lineId, Map.of(), null)
                                .body())
                        .get("count")
                        .asInt(),
                "exactly one reminder under duplicate deliveries");

        String click = link(text, "/v1/j/c/");
        HttpResponse<String> redirect =
                send("GET", click.substring(runtime.baseUrl().length()), Map.of(), null);
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals(
                "https://shop.example.com/cart",
                redirect.headers().firstValue("location").orElse(""));
        assertEquals(404, send("GET", "/v1/j/c/forged.token", Map.of(), null).statusCode());

        assertEquals(
                200,
                send(
                                "POST",
                                "/v1/track",
                                auth,
                                Json.write(Map.of(
                                        "type",
                                        "track",
                                        "event",
                                        "Order Completed",
                                        "userId",
                                        user,
                                        "messageId",
                                        "o-" + run,
                                        "properties",
                                        Map.of(
                                                "order_id",
                                                "o-" + run,
                                                "total",
                                                88,
                                                "currency",
                                                "CNY",
                                                "products",
                                                List.of(Map.of("sku", "TEA-OOLONG-250", "price", 88, "quantity", 1))))))
                        .statusCode());
        runtime.deliverStreams(); // accepted events reach the lake through the ingest stream
        runtime.deliverS3Notifications();
        JsonNode metrics = Json.parse(send("GET", "/v1/journeys/cart-" + run + "/metrics", admin, null)
                        .body())
                .get("total");
        assertEquals(1, metrics.get("sent").asInt(), metrics.toString());
        assertEquals(1, metrics.get("clicked").asInt(), metrics.toString());
        assertEquals(1, metrics.get("conversions").get("treatment").asInt(), metrics.toString());

        String unsubscribe = link(text, "/v1/j/u/");
        assertEquals(
                200,
                send("POST", unsubscribe.substring(runtime.baseUrl().length()), Map.of(), "")
                        .statusCode());
        JsonNode profile =
                Json.parse(send("GET", "/v1/profiles/" + user, admin, null).body());
        JsonNode consent = profile.path("consent").path("messaging.line");
        assertEquals(false, consent.path("granted").asBoolean(true), profile.toString());
        assertEquals("unsubscribe-link", consent.path("source").asText());
    }

    private static String link(String text, String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        java.util.regex.Pattern.quote(runtime.baseUrl() + path) + "\\S+")
                .matcher(text);
        assertTrue(m.find(), "no " + path + " link in " + text);
        return m.group();
    }

    private static String lakeBucket() {
        return runtime.platform().standIns().envFor("JourneyEventsFunction").required("DATA_LAKE_BUCKET");
    }

    private static void fireSweep() throws Exception {
        HttpResponse<String> fired = send("POST", "/_local/schedules/JourneysSweepFunction/EveryMinute", Map.of(), "");
        assertEquals(200, fired.statusCode(), fired.body());
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path));
        headers.forEach(request::header);
        if (body != null) {
            request.header("content-type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
