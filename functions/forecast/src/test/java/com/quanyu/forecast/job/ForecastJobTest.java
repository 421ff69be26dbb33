package com.quanyu.forecast.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.forecast.ForecastApiHandler;
import com.quanyu.forecast.ForecastJobHandler;
import com.quanyu.forecast.store.ForecastTable;
import com.quanyu.forecast.store.LakeStore;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole daily run against the stand-ins: lake events and an inventory import in, forecasts,
 * suggestions, history and accuracy out, read back through the API.
 */
@ExtendWith(AwsStandInsExtension.class)
class ForecastJobTest {
    private static final LocalDate ORIGIN = LocalDate.of(2031, 3, 31);
    private static final int DAYS = 120;

    private final Env env;
    private final LakeFixtures lake;
    private final ForecastTable table;

    ForecastJobTest(StandIns aws) {
        env = aws.envFor("ForecastJobFunction").with(Map.of("FORECAST_HISTORY_DAYS", String.valueOf(DAYS)));
        lake = new LakeFixtures(aws.s3(), env.required("DATA_LAKE_BUCKET"));
        table = new ForecastTable(aws.dynamo(), env.required("FORECASTS_TABLE"));
    }

    private static double weekly(LocalDate day) {
        int dow = day.getDayOfWeek().getValue();
        return dow >= 6 ? 15 : 8 + (day.getDayOfMonth() % 3);
    }

    private void history(LocalDate from, LocalDate to, double multiplier) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            long i = d.toEpochDay();
            boolean newProductLive = !d.isBefore(ORIGIN.minusDays(9));
            lake.orders(
                    d,
                    "part-0",
                    "JOB-1",
                    "S01",
                    multiplier * weekly(d),
                    "JOB-1",
                    "online",
                    multiplier * (weekly(d) * 2),
                    "JOB-2",
                    "S01",
                    multiplier * (i % 4 == 0 ? 3 : 0),
                    "JOB-3",
                    "online",
                    multiplier * (newProductLive ? 5 : 0));
        }
    }

    @Test
    void dailyRunEndToEndWithoutLeakageAndWithAccuracyTracking() throws Exception {
        history(ORIGIN.minusDays(DAYS), ORIGIN, 1);
        lake.inventory(ORIGIN, """
                sku,location,on_hand,on_order,stockout_days,lead_time_days,moq,pack_size
                JOB-1,S01,5,0,2031-03-10..2031-03-11,3,24,12
                JOB-2,S01,500,0,,,,
                JOB-9,S01,10,0,,,,
                """);
        ForecastJobHandler job = new ForecastJobHandler(env);
        Map<String, Object> summary = job.handleRequest(Map.of("origin", ORIGIN.toString()), null);
        assertEquals(5, summary.get("series"), summary.toString());
        assertEquals(3, summary.get("suggestions"));
        assertEquals(Map.of("overstock", 2, "stockout", 1), summary.get("atRisk"));

        JsonNode j1 = table.forecast("JOB-1", "S01").orElseThrow();
        assertEquals(ORIGIN.toString(), j1.path("origin").asText());
        assertEquals(28, j1.path("days").size());
        assertTrue(
                j1.path("notes").toString().contains("imputed 2 missing or censored"),
                j1.path("notes").toString());
        double saturday = j1.path("days").get(4).path("forecast").asDouble(); // 2031-04-05 is a Saturday
        double tuesday = j1.path("days").get(0).path("forecast").asDouble();
        assertTrue(saturday > tuesday + 3, "weekly pattern kept: " + saturday + " vs " + tuesday);
        JsonNode newProduct = table.forecast("JOB-3", "online").orElseThrow();
        assertTrue(newProduct.path("notes").toString().contains("short_history"), newProduct.toString());

        var api = new ForecastApiHandler(env);
        var stockout = Json.parse(api.handleRequest(
                        StaffClaims.authorised(
                                com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.builder()
                                        .withRouteKey("GET /v1/replenishment")
                                        .withQueryStringParameters(Map.of("location", "S01", "risk", "stockout"))
                                        .build()),
                        null)
                .getBody());
        JsonNode order = stockout.path("items").get(0);
        assertEquals("JOB-1", order.path("sku").asText());
        double suggested = order.path("suggestedOrder").asDouble();
        assertTrue(suggested >= 24 && suggested % 12 == 0, "MOQ 24 and packs of 12: " + suggested);

        // leakage: sales after the origin must not change the forecasts made at the origin
        history(ORIGIN.plusDays(1), ORIGIN.plusDays(7), 10);
        job.handleRequest(Map.of("origin", ORIGIN.toString()), null);
        assertEquals(
                j1.path("days"), table.forecast("JOB-1", "S01").orElseThrow().path("days"));

        // a week later the run scores the forecasts issued at the origin
        Map<String, Object> later =
                job.handleRequest(Map.of("origin", ORIGIN.plusDays(7).toString()), null);
        JsonNode accuracy = Json.mapper().valueToTree(later.get("accuracy"));
        assertEquals(ORIGIN.toString(), accuracy.path("origin").asText());
        assertEquals(7, accuracy.path("days").asInt());
        assertTrue(
                accuracy.path("overall").path("bias").asDouble() < -0.5,
                "sales were ten times the forecast: " + accuracy);
        assertTrue(later.get("accuracy") instanceof Map, "plain values for the Lambda runtime's serializer");
        Optional<String> stored = new LakeStore(
                        com.quanyu.shared.aws.AwsClients.s3(env), env.required("DATA_LAKE_BUCKET"))
                .readText("forecast/accuracy/origin=" + ORIGIN + ".json");
        assertTrue(stored.isPresent());
        assertFalse(Json.parse(stored.get()).path("byModel").isEmpty());
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        ForecastJobHandler job = new ForecastJobHandler(env);
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> job.handleRequest(Map.of("origin", "yesterday"), null));
        assertTrue(e.getMessage().contains("origin"));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> job.handleRequest(Map.of("shard", 3, "shards", 2), null));
    }
}
