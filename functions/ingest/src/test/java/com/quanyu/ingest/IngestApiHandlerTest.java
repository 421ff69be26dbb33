package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class IngestApiHandlerTest {
    static final String ADMIN_GROUP = "admin";

    private final StreamedIngest handler;
    private final String writeKey;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    IngestApiHandlerTest(StandIns aws) {
        Env env = aws.envFor("IngestFunction");
        this.handler = new StreamedIngest(aws, env);
        this.writeKey = new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE"))
                .register("Web shop", "web")
                .writeKey();
    }

    private APIGatewayV2HTTPResponse post(String path, String body) {
        return handler.handle(ApiEvents.post(path, body, Map.of("Authorization", ApiEvents.basic(writeKey))));
    }

    /** A profile route as a staff member in {@code groups} calls it (none: no token at all). */
    private APIGatewayV2HTTPResponse admin(String method, String id, String... groups) {
        String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        var event = ApiEvents.request(
                method,
                "/v1/profiles/{id}",
                "/v1/profiles/" + encoded,
                null,
                Map.of("Authorization", ApiEvents.basic(writeKey)),
                Map.of("id", encoded));
        event.getRequestContext().setAuthorizer(null);
        return handler.handle(groups.length == 0 ? event : StaffClaims.as(event, groups));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    @Test
    void everySegmentCallIsAcceptedAndBuildsOneProfile() throws Exception {
        String anon = "anon-" + run;
        assertEquals(
                200,
                post("/v1/page", "{\"anonymousId\":\"" + anon + "\",\"name\":\"Home\",\"messageId\":\"p-" + run + "\"}")
                        .getStatusCode());
        assertEquals(
                200,
                post("/v1/screen", "{\"anonymousId\":\"" + anon + "\",\"name\":\"Cart\"}")
                        .getStatusCode());
        assertEquals(
                200,
                post(
                                "/v1/track",
                                "{\"anonymousId\":\"" + anon
                                        + "\",\"event\":\"Product Added\",\"properties\":{\"sku\":\"T-1\"}}")
                        .getStatusCode());
        assertEquals(
                200,
                post(
                                "/v1/identify",
                                "{\"anonymousId\":\"" + anon + "\",\"userId\":\"user-" + run
                                        + "\",\"traits\":{\"email\":\"Ann." + run
                                        + "@Example.com\",\"phone\":\"13800138" + run.hashCode() % 1000 + "\"}}")
                        .getStatusCode());
        assertEquals(
                200,
                post("/v1/group", "{\"userId\":\"user-" + run + "\",\"groupId\":\"acme\"}")
                        .getStatusCode());
        assertEquals(
                200,
                post("/v1/alias", "{\"userId\":\"user-" + run + "\",\"previousId\":\"old-anon-" + run + "\"}")
                        .getStatusCode());
        APIGatewayV2HTTPResponse batch = post(
                "/v1/batch",
                "{\"batch\":[{\"type\":\"track\",\"userId\":\"user-" + run
                        + "\",\"event\":\"Order Completed\",\"properties\":{\"order_id\":\"ord-" + run
                        + "\",\"total\":88.5}},"
                        + "{\"type\":\"page\",\"userId\":\"user-" + run + "\"}],\"sentAt\":\"2026-11-29T08:00:00Z\"}");
        assertEquals(200, batch.getStatusCode(), batch.getBody());
        assertEquals(2, json(batch).get("accepted").asInt());

        JsonNode profile = json(admin("GET", "email:ann." + run + "@example.com", ADMIN_GROUP));
        assertEquals(8, profile.path("counters").path("events").asInt(), profile.toString());
        assertTrue(!profile.has("merged"));
        assertEquals(3, profile.path("counters").path("pageViews").asInt());
        assertEquals(1, profile.path("counters").path("orders").asInt());
        assertEquals(88.5, profile.path("rfm").path("revenue").asDouble());
        assertEquals(
                "ord-" + run,
                profile.path("recentOrders").get(0).path("orderId").asText());
        assertTrue(profile.path("recentOrders").get(0).has("risk"), "orders are scored at ingestion");
        String profileId = profile.get("profileId").asText();
        assertEquals(
                profileId,
                json(admin("GET", "old-anon-" + run, ADMIN_GROUP))
                        .get("profileId")
                        .asText());
        assertEquals(
                profileId,
                json(admin("GET", profileId, ADMIN_GROUP)).get("profileId").asText());
        assertTrue(!profile.has("appliedEvents"));
    }

    @Test
    void profileRoutesNeedAStaffTokenInAnAllowedGroupNotAWriteKey() {
        post("/v1/identify", "{\"userId\":\"adm-" + run + "\"}");
        assertEquals(401, admin("GET", "adm-" + run).getStatusCode(), "a write key alone is no staff token");
        assertEquals(403, admin("GET", "adm-" + run, "analyst").getStatusCode());
        assertEquals(200, admin("GET", "adm-" + run, "agent").getStatusCode());
        assertEquals(403, admin("DELETE", "adm-" + run, "marketer").getStatusCode(), "only admins erase");
        assertEquals(404, admin("GET", "nobody-" + run, ADMIN_GROUP).getStatusCode());
    }

    @Test
    void deleteForgetsThePersonAndLateEventsDoNotResurrectThem() throws Exception {
        post(
                "/v1/identify",
                "{\"userId\":\"rtbf-" + run + "\",\"traits\":{\"email\":\"rtbf" + run + "@example.com\"}}");
        APIGatewayV2HTTPResponse deleted = admin("DELETE", "email:rtbf" + run + "@example.com", ADMIN_GROUP);
        assertEquals(200, deleted.getStatusCode(), deleted.getBody());
        assertEquals(410, admin("GET", "rtbf-" + run, ADMIN_GROUP).getStatusCode());
        APIGatewayV2HTTPResponse late = post("/v1/track", "{\"userId\":\"rtbf-" + run + "\",\"event\":\"Came Back\"}");
        assertEquals(200, late.getStatusCode(), "accepted into the buffer, then suppressed by the consumer");
        assertEquals(410, admin("GET", "rtbf-" + run, ADMIN_GROUP).getStatusCode());
        assertEquals(410, admin("DELETE", "rtbf-" + run, ADMIN_GROUP).getStatusCode());
    }
}
