package com.quanyu.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.forecast.store.InventoryStore;
import com.quanyu.forecast.store.LakeStore;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PUT /v1/inventory through the S3 stand-in, read back the way the daily job reads imports. */
@ExtendWith(AwsStandInsExtension.class)
class InventoryApiTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);
    private final ForecastApiHandler handler;
    private final LakeStore lake;

    InventoryApiTest(StandIns aws) {
        var env = aws.envFor("ForecastFunction");
        handler = new ForecastApiHandler(env);
        lake = new LakeStore(aws.s3(), env.required("DATA_LAKE_BUCKET"));
    }

    private APIGatewayV2HTTPResponse put(String body) {
        return handler.handleRequest(
                StaffClaims.authorised(APIGatewayV2HTTPEvent.builder()
                        .withRouteKey("PUT /v1/inventory")
                        .withRawPath("/v1/inventory")
                        .withBody(body)
                        .build()),
                null);
    }

    @Test
    void storedSnapshotIsWhatTheJobReadsMergedWithTheDaysCsvImport() throws Exception {
        lake.writeText(
                "imports/inventory/" + AS_OF + ".csv", "sku,location,on_hand\nINV-2,S01,7\nINV-3,S01,1\n", "text/csv");
        var response = put("""
                {"asOf": "2026-11-28", "source": "pos", "items": [
                  {"sku": "INV-1", "location": "S01", "onHand": 12, "onOrder": 24,
                   "stockoutDays": ["2026-11-20", "2026-11-22..2026-11-24"], "leadTimeDays": 5, "moq": 24, "packSize": 12},
                  {"sku": "INV-2", "location": "S01", "onHand": 3}]}
                """);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(2, Json.parse(response.getBody()).path("items").asInt());
        assertEquals(
                response.getBody(), put(Json.write(Json.parse("""
                {"asOf": "2026-11-28", "source": "pos", "items": [
                  {"sku": "INV-1", "location": "S01", "onHand": 12, "onOrder": 24,
                   "stockoutDays": ["2026-11-20", "2026-11-22..2026-11-24"], "leadTimeDays": 5, "moq": 24, "packSize": 12},
                  {"sku": "INV-2", "location": "S01", "onHand": 3}]}
                """))).getBody(), "a retried PUT stores the same thing");

        var inventory = new InventoryStore(lake).load(AS_OF.minusDays(30), AS_OF, ReplenishmentPolicy.defaults());
        var items = inventory.latest().items();
        assertEquals(3, items.size(), items.keySet().toString());
        var one = items.get(SeriesKey.of("INV-1", "S01"));
        assertEquals(36, one.position().position());
        assertEquals(5, one.policy().leadTimeDays());
        assertEquals(12, one.policy().packSize());
        assertEquals(
                4, inventory.stockOutDays().get(SeriesKey.of("INV-1", "S01")).size());
        assertEquals(
                7,
                items.get(SeriesKey.of("INV-2", "S01")).position().onHand(),
                "both files of the day count; the key sorting last (the ERP's) wins for an item in both");
    }

    @Test
    void invalidSnapshotsAre400NamingTheField() throws Exception {
        assertBad(put("{\"items\": [{\"sku\": \"A\", \"onHand\": 1}]}"), "asOf");
        assertBad(put("{\"asOf\": \"2099-01-01\", \"items\": [{\"sku\": \"A\", \"onHand\": 1}]}"), "asOf");
        assertBad(put("{\"asOf\": \"2026-11-28\", \"items\": []}"), "items");
        assertBad(
                put(
                        "{\"asOf\": \"2026-11-28\", \"source\": \"Bad Source\", \"items\": [{\"sku\": \"A\", \"onHand\": 1}]}"),
                "source");
        assertBad(
                put(
                        "{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\", \"onHand\": 1}, {\"sku\": \"bad sku\", \"onHand\": 1}]}"),
                "items[1].sku");
        assertBad(put("{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\"}]}"), "items[0].onHand");
        assertBad(
                put("{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\", \"onHand\": \"ten\"}]}"),
                "items[0].onHand");
        assertBad(
                put(
                        "{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\", \"onHand\": 1}, {\"sku\": \"B\", \"onHand\": 1, \"serviceLevel\": 1.5}]}"),
                "items[1]");
        assertBad(
                put(
                        "{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\", \"onHand\": 1, \"stockoutDays\": [\"2026-11-24..2026-11-20\"]}]}"),
                "items[0]");
        assertBad(
                put(
                        "{\"asOf\": \"2026-11-28\", \"items\": [{\"sku\": \"A\", \"onHand\": 1}, {\"sku\": \"A\", \"onHand\": 2}]}"),
                "items");
        var malformed = put("{\"asOf\": ");
        assertEquals(400, malformed.getStatusCode());
        assertEquals(
                "malformed_json", Json.parse(malformed.getBody()).path("error").asText());
        assertTrue(lake.keys("imports/inventory/2099").isEmpty(), "nothing stored from a rejected body");
    }

    private static void assertBad(APIGatewayV2HTTPResponse response, String field) throws Exception {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = Json.parse(response.getBody());
        assertEquals("invalid_field", error.path("error").asText());
        assertTrue(error.path("message").asText().startsWith(field + ":"), error.toString());
    }
}
