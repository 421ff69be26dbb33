package com.quanyu.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.forecast.engine.SeriesForecast;
import com.quanyu.forecast.replenish.InventoryPosition;
import com.quanyu.forecast.replenish.ReplenishmentPlanner;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.series.InventorySnapshot;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.forecast.store.Documents;
import com.quanyu.forecast.store.ForecastTable;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsStandInsExtension.class)
class ForecastApiHandlerTest {
    private static final LocalDate ORIGIN = LocalDate.of(2026, 11, 28);
    private final ForecastApiHandler handler;
    private final ForecastTable table;

    ForecastApiHandlerTest(StandIns aws) {
        var env = aws.envFor("ForecastFunction");
        handler = new ForecastApiHandler(env);
        table = new ForecastTable(aws.dynamo(), env.required("FORECASTS_TABLE"));
    }

    /** API-TEST-1 at stores A1 and A2; at A1 also 12 more SKUs with suggestions, one at stock-out risk. */
    @BeforeEach
    void storeDocuments() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String location : List.of("A1", "A2")) {
            items.add(ForecastTable.forecastItem(
                    Documents.forecast(SeriesKey.of("API-TEST-1", location), ORIGIN, flat(5))));
        }
        for (int i = 0; i < 12; i++) {
            SeriesKey key = SeriesKey.of("API-SKU-" + i, "A1");
            double onHand = i == 3 ? 1 : 200;
            var item = new InventorySnapshot.Item(
                    key, InventoryPosition.of(onHand, 0), Set.of(), ReplenishmentPolicy.defaults());
            var suggestion = ReplenishmentPlanner.plan(flat(5), item.position(), item.policy());
            items.add(ForecastTable.suggestionItem(Documents.suggestion(item, ORIGIN, flat(5), suggestion)));
        }
        table.putAll(items);
    }

    private static SeriesForecast flat(double rate) {
        double[] point = new double[28];
        Arrays.fill(point, rate);
        double[] sigma = new double[28];
        Arrays.fill(sigma, 2);
        return new SeriesForecast("ets", List.of(), point, point, point, point, point, sigma, 1, 0.7, Map.of());
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    @Test
    void forecastOfOneLocationAndOfAll() throws Exception {
        var one = handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of("location", "A1", "days", "7")), null);
        assertEquals(200, one.getStatusCode());
        JsonNode doc = body(one);
        assertEquals("A1", doc.path("location").asText());
        assertEquals(7, doc.path("days").size());
        assertEquals("2026-11-29", doc.path("days").get(0).path("date").asText());
        var all = handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of()), null);
        assertEquals(200, all.getStatusCode());
        assertEquals(2, body(all).path("forecasts").size());
        assertEquals(28, body(all).path("forecasts").get(0).path("days").size());
    }

    @Test
    void unknownSkuOrLocationIs404() throws Exception {
        var unknown = handler.handleRequest(ApiEvents.forecast("NO-SUCH-SKU", Map.of()), null);
        assertEquals(404, unknown.getStatusCode());
        assertEquals("not_found", body(unknown).path("error").asText());
        assertTrue(body(unknown).path("message").asText().contains("NO-SUCH-SKU"));
        assertEquals(
                404,
                handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of("location", "ZZ")), null)
                        .getStatusCode());
        assertEquals(
                404,
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "NOWHERE")), null)
                        .getStatusCode());
    }

    @Test
    void badParametersAre400WithTheFieldNamed() throws Exception {
        assertBad(handler.handleRequest(ApiEvents.forecast("bad sku!", Map.of()), null), "sku");
        assertBad(
                handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of("location", "A1;drop")), null),
                "location");
        assertBad(handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of("days", "0")), null), "days");
        assertBad(handler.handleRequest(ApiEvents.forecast("API-TEST-1", Map.of("days", "many")), null), "days");
        assertBad(handler.handleRequest(ApiEvents.replenishment(Map.of()), null), "location");
        assertBad(
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "risk", "fire")), null), "risk");
        assertBad(
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "limit", "5000")), null),
                "limit");
        assertBad(
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "next", "not-a-token")), null),
                "next");
    }

    private static void assertBad(APIGatewayV2HTTPResponse response, String field) throws Exception {
        assertEquals(400, response.getStatusCode(), response.getBody());
        JsonNode error = body(response);
        assertEquals("invalid_field", error.path("error").asText());
        assertTrue(error.path("message").asText().startsWith(field), error.toString());
    }

    @Test
    void replenishmentPagesAndRiskFilter() throws Exception {
        var first = body(handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "limit", "5")), null));
        assertEquals(5, first.path("items").size());
        assertFalse(first.path("next").asText().isEmpty());
        var second = body(handler.handleRequest(
                ApiEvents.replenishment(Map.of(
                        "location",
                        "A1",
                        "limit",
                        "100",
                        "next",
                        first.path("next").asText())),
                null));
        assertEquals(7, second.path("items").size());
        assertTrue(second.path("next").isMissingNode());
        var atRisk = body(
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "risk", "stockout")), null));
        assertEquals(1, atRisk.path("items").size());
        assertEquals("API-SKU-3", atRisk.path("items").get(0).path("sku").asText());
        assertEquals("stockout", atRisk.path("items").get(0).path("risk").asText());
        var overstock = body(
                handler.handleRequest(ApiEvents.replenishment(Map.of("location", "A1", "risk", "overstock")), null));
        assertEquals(0, overstock.path("items").size(), "200 days of cover at 5 a day is 40 days: not overstock");
    }
}
