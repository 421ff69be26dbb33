package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad request gets a 4xx with a JSON body naming the problem; a batch fails per event, never whole for one bad event. */
@ExtendWith(AwsStandInsExtension.class)
class BadInputTest {
    private final StandIns aws;
    private final Env env;
    private final IngestApiHandler handler;
    private final CustomerStores stores;
    private final String writeKey;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    BadInputTest(StandIns aws) {
        this.aws = aws;
        // the synchronous write path: these checks read the stores right after each request
        this.env = aws.envFor("IngestFunction").with(java.util.Map.of(IngestApiHandler.STREAM, ""));
        this.handler = new IngestApiHandler(env, aws.dynamo(), aws.s3());
        this.stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
        this.writeKey = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                .register("App", "app")
                .writeKey();
    }

    private APIGatewayV2HTTPResponse post(String path, String body, String authorization) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("authorization", authorization);
        return handler.handleRequest(ApiEvents.post(path, body, headers), null);
    }

    /** Asserts a 4xx JSON error whose message mentions {@code mentions}. */
    private void rejected(int status, String path, String body, String mentions) {
        rejected(status, path, body, ApiEvents.basic(writeKey), mentions);
    }

    private void rejected(int status, String path, String body, String authorization, String mentions) {
        APIGatewayV2HTTPResponse response = post(path, body, authorization);
        assertEquals(status, response.getStatusCode(), body.length() > 200 ? body.substring(0, 200) : body);
        try {
            JsonNode error = Json.parse(response.getBody());
            assertTrue(error.hasNonNull("error"), response.getBody());
            assertTrue(
                    error.get("message").asText().contains(mentions),
                    "expected '" + mentions + "' in " + response.getBody());
            assertTrue(
                    !response.getBody().contains("Exception")
                            && !response.getBody().contains("\tat "),
                    "no internals");
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    @Test
    void malformedBodies() {
        rejected(400, "/v1/track", "{\"userId\": \"a\", ", "not valid JSON");
        rejected(400, "/v1/track", "", "empty");
        rejected(400, "/v1/track", "[1,2]", "JSON object");
        rejected(400, "/v1/track", "\"just a string\"", "JSON object");
        rejected(400, "/v1/batch", "{\"batch\": {}}", "batch: must be an array");
        rejected(400, "/v1/batch", "{\"batch\": []}", "at least one event");
        rejected(400, "/v1/batch", "{}", "batch: is required");
        rejected(400, "/v1/batch", "{\"batch\": [\"text\"]}", "batch[0]: must be a JSON object");
    }

    @Test
    void wrongTypesAndMissingFieldsAreNamed() {
        rejected(400, "/v1/track", "{\"userId\": {\"id\": 1}, \"event\": \"x\"}", "userId: must be a string");
        rejected(400, "/v1/track", "{\"userId\": \"u\", \"event\": 42}", "event: must be a string");
        rejected(400, "/v1/track", "{\"userId\": \"u\"}", "event: is required");
        rejected(400, "/v1/track", "{\"event\": \"x\"}", "userId or anonymousId is required");
        rejected(400, "/v1/track", "{\"userId\": \"null\", \"event\": \"x\"}", "placeholder");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"properties\": \"p\"}",
                "properties: must be an object");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"context\": []}",
                "context: must be an object");
        rejected(400, "/v1/page", "{\"anonymousId\": \"a\", \"timestamp\": \"yesterday\"}", "timestamp");
        rejected(400, "/v1/group", "{\"userId\": \"u\"}", "groupId: is required");
        rejected(400, "/v1/alias", "{\"userId\": \"u\"}", "previousId: is required");
        rejected(
                400,
                "/v1/track",
                "{\"userId\": \"u\", \"event\": \"Order Completed\", \"properties\": {\"total\": 5}}",
                "properties.order_id: is required");
        rejected(
                400,
                "/v1/track",
                "{\"userId\": \"u\", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o\", "
                        + "\"products\": [{\"sku\": \"a\", \"quantity\": -2}]}}",
                "properties.products[0].quantity");
        rejected(
                400,
                "/v1/track",
                "{\"userId\": \"u\", \"event\": \"x\", \"context\": {\"externalIds\": [{\"id\": \"1\", \"type\": \"shoe_size\"}]}}",
                "context.externalIds[0].type");
    }

    @Test
    void unknownOrMismatchedTypes() {
        rejected(
                400,
                "/v1/batch",
                "{\"batch\": [{\"type\": \"purchase\", \"anonymousId\": \"a\"}]}",
                "batch[0].type: unknown type 'purchase'");
        rejected(400, "/v1/batch", "{\"batch\": [{\"anonymousId\": \"a\"}]}", "batch[0].type: is required");
        rejected(
                400,
                "/v1/track",
                "{\"type\": \"page\", \"anonymousId\": \"a\", \"event\": \"x\"}",
                "sent to /v1/track");
    }

    @Test
    void sizeLimits() {
        String big = "x".repeat(33 * 1024);
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"properties\": {\"blob\": \"" + big + "\"}}",
                "event: body is");
        rejected(
                400,
                "/v1/batch",
                "{\"batch\": [{\"type\": \"track\", \"anonymousId\": \"a\", \"event\": \"x\", \"properties\": {\"blob\": \""
                        + big + "\"}}]}",
                "batch[0]: event is");
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 40; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append(
                            "{\"type\": \"track\", \"anonymousId\": \"a\", \"event\": \"x\", \"properties\": {\"blob\": \"")
                    .append("y".repeat(15 * 1024))
                    .append("\"}}");
        }
        rejected(400, "/v1/batch", batch.append("]}").toString(), "batch: body is");
    }

    @Test
    void badKeys() {
        rejected(401, "/v1/track", "{\"anonymousId\": \"a\", \"event\": \"x\"}", null, "write key is required");
        rejected(
                401,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\"}",
                ApiEvents.basic("qy_not_a_real_key_123456"),
                "unknown");
        rejected(
                401,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\"}",
                "Basic %%%not-base64",
                "not valid Basic");
        rejected(
                401,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\"}",
                "Bearer " + writeKey,
                "write key is required");
    }

    @Test
    void unicodeEdgeCases() {
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"bad \\ud800 surrogate\"}",
                "event: contains control characters or unpaired surrogates");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"nul \\u0000 inside\"}",
                "event: contains control characters");
        rejected(400, "/v1/track", "{\"anonymousId\": \"\\u0007\", \"event\": \"x\"}", "placeholder");
        APIGatewayV2HTTPResponse ok = post(
                "/v1/identify",
                "{\"userId\": \"用户-" + run + "\", \"traits\": {\"name\": \"王小明 👩‍👩‍👧\", " + "\"email\": \"ＷＡＮＧ" + run
                        + "@例子.中国\"}}",
                ApiEvents.basic(writeKey));
        assertEquals(200, ok.getStatusCode(), ok.getBody());
        assertEquals(
                "王小明 👩‍👩‍👧",
                stores.profiles()
                        .resolve("user_id:用户-" + run)
                        .orElseThrow()
                        .traits()
                        .get("name")
                        .value()
                        .asText());
    }

    /** Issue #12: a batch fails per event; the poisoned ones are answered by index and kept under rejected/. */
    @Test
    void aPoisonedEventIsRejectedAloneAndTheOthersAreApplied() {
        String anon = "poison-" + run;
        String ids = "\"anonymousId\": \"" + anon + "\"";
        String body = "{\"batch\": [{\"type\": \"page\", " + ids + ", \"messageId\": \"" + run + "-0\"},"
                + "{\"type\": \"track\", " + ids + ", \"event\": 7},"
                + "{\"type\": \"track\", " + ids
                + ", \"event\": \"Order Completed\", \"properties\": {\"order_id\": \"o-" + run
                + "\", \"total\": 1e126}},"
                + "{\"type\": \"track\", " + ids + ", \"event\": \"Product Viewed\", \"messageId\": \"" + run
                + "-3\"}]}";
        APIGatewayV2HTTPResponse response = post("/v1/batch", body, ApiEvents.basic(writeKey));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode answer = parse(response.getBody());
        assertEquals(2, answer.get("accepted").asInt(), response.getBody());
        assertEquals(2, answer.get("rejected").size(), response.getBody());
        assertEquals(1, answer.get("rejected").get(0).get("index").asInt());
        assertEquals(
                "batch[1].event", answer.get("rejected").get(0).get("field").asText());
        assertEquals(2, answer.get("rejected").get(1).get("index").asInt());
        assertTrue(answer.get("rejected").get(1).get("message").asText().contains("total"), response.getBody());
        assertEquals(
                2,
                stores.profiles()
                        .resolve("anonymous_id:" + anon)
                        .orElseThrow()
                        .counters()
                        .events());
        String bucket = env.required("DATA_LAKE_BUCKET");
        long kept = aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix("rejected/")).contents().stream()
                .map(o -> aws.s3()
                        .getObjectAsBytes(b -> b.bucket(bucket).key(o.key()))
                        .asUtf8String())
                .flatMap(String::lines)
                .filter(line -> line.contains(anon))
                .count();
        assertEquals(2, kept, "both rejected events are kept for inspection");
    }

    @Test
    void aBatchWithoutAnyValidEventIsA400ListingEach() {
        rejected(
                400,
                "/v1/batch",
                "{\"batch\": [{\"type\": \"track\", \"anonymousId\": \"a\", \"event\": 7}, 5]}",
                "batch[0].event");
    }

    @Test
    void limitsAreCheckedBeforeAnyStore() {
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"properties\": {\"n\": 1e200}}",
                "properties.n: number");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"properties\": {\"n\": 123456789012345678901234567890123456789012}}",
                "significant digits");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"a\", \"event\": \"x\", \"properties\": " + "{\"a\":".repeat(30) + "1"
                        + "}".repeat(31),
                "nested deeper");
        rejected(
                400,
                "/v1/track",
                "{\"anonymousId\": \"" + "k".repeat(3000) + "\", \"event\": \"x\"}",
                "anonymousId: is longer");
    }

    @Test
    void missingCredentialsAre401BeforeAMalformedBodyIs400() {
        rejected(401, "/v1/track", "{\"userId\": \"a\", ", null, "write key is required");
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
