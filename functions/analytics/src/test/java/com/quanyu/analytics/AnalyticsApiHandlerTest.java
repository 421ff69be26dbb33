package com.quanyu.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.LakeLines;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every figure the console's Overview and Funnels pages show, served by the handler over the lake
 * SQL runner (DuckDB over the S3 stand-in), against a recomputation from the raw lines written.
 */
@ExtendWith(AwsStandInsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiHandlerTest {
    private static final List<String> CHANNELS = List.of("web", "app", "store", "wechat");
    private static final LocalDate FIRST = LocalDate.parse("2026-10-01");

    private final StandIns aws;
    private final String bucket = "analytics-test-" + System.nanoTime();
    private final List<JsonNode> written = new ArrayList<>();
    private LakeSql sql;
    private AnalyticsApiHandler handler;
    private ReferenceFigures reference;

    AnalyticsApiHandlerTest(StandIns aws) {
        this.aws = aws;
    }

    @BeforeAll
    void generatedLake(@TempDir Path cache) {
        aws.s3().createBucket(b -> b.bucket(bucket));
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        Random random = new Random(13);
        for (int person = 0; person < 40; person++) {
            List<ObjectNode> lines = new ArrayList<>();
            String profile = "p" + person;
            int visits = 1 + random.nextInt(8);
            for (int v = 0; v < visits; v++) {
                String channel = CHANNELS.get(random.nextInt(person % 3 == 0 ? 2 : CHANNELS.size()));
                Instant at = FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant().plusSeconds(random.nextInt(60 * 86_400));
                String session = profile + "-" + v;
                if (!channel.equals("store")) {
                    lines.add(LakeLines.event(
                            profile, channel.equals("app") ? "screen" : "page", null, channel, at.toString(), session));
                }
                if (random.nextDouble() < 0.5) {
                    lines.add(LakeLines.event(
                            profile,
                            "track",
                            "Product Added",
                            channel,
                            at.plusSeconds(60).toString(),
                            session));
                }
                if (random.nextDouble() < 0.2) {
                    lines.add(LakeLines.event(
                            profile,
                            "track",
                            "Checkout Started",
                            channel,
                            at.plusSeconds(90).toString(),
                            session));
                }
                if (channel.equals("store") || random.nextDouble() < 0.3) {
                    ObjectNode order = LakeLines.order(
                            profile,
                            channel,
                            at.plusSeconds(120).toString(),
                            profile + "-o" + v,
                            10 + random.nextInt(500) + random.nextInt(100) / 100.0,
                            channel.equals("store") ? "S1" : null,
                            "SKU-" + random.nextInt(5),
                            1);
                    lines.add(order);
                    if (random.nextDouble() < 0.1) {
                        lines.add(order.deepCopy()
                                .put("messageId", "resent-" + profile + v)); // a resent order counts once
                    }
                }
            }
            writer.write(lines);
            written.addAll(lines);
        }
        sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC"));
        handler =
                new AnalyticsApiHandler(new SqlLake(sql, aws.s3(), bucket, java.time.Duration.ZERO, Clock.systemUTC()));
        reference = new ReferenceFigures(written);
    }

    @AfterAll
    void close() {
        sql.close();
    }

    @Test
    void overviewTotalsMatchTheRawEvents() {
        JsonNode body = get("/v1/analytics/overview", Map.of("from", "2026-10-10", "to", "2026-11-08"));
        Period period = Period.of(LocalDate.parse("2026-10-10"), LocalDate.parse("2026-11-08"));
        assertTotals(body.get("totals"), period);
        assertEquals(
                reference.funnel(period, "all").get(0),
                body.get("totals").get("shoppers").asLong(),
                "shoppers");
        assertEquals(
                reference.funnel(period, "all").get(3),
                body.get("totals").get("buyers").asLong(),
                "buyers");
        assertTotals(body.get("previous"), period.previous());
        long dailyEvents = 0;
        for (JsonNode row : body.get("daily")) {
            dailyEvents += row.get("events").asLong();
        }
        assertEquals(reference.events(period), dailyEvents);
    }

    private void assertTotals(JsonNode totals, Period p) {
        assertTrue(
                reference.events(p) > 0 && reference.orders(p) > 0, "the generated lake has events and orders in " + p);
        assertEquals(reference.events(p), totals.get("events").asLong(), "events");
        assertEquals(reference.orders(p), totals.get("orders").asLong(), "orders");
        assertEquals(reference.revenue(p), totals.get("revenue").asDouble(), 0.005, "revenue");
        assertEquals(
                reference.activeCustomerDays(p),
                totals.get("activeCustomerDays").asLong(),
                "active customer-days");
        assertEquals(reference.newCustomerDays(p), totals.get("newCustomerDays").asLong(), "new customer-days");
        assertEquals(
                reference.activeCustomerDays(p) - reference.newCustomerDays(p),
                totals.get("returningCustomerDays").asLong(),
                "returning");
        assertEquals(
                reference.multichannelShare(p), totals.get("multichannelShare").asDouble(), 1e-4, "multichannel share");
    }

    @Test
    void funnelsPerChannelAndAcrossChannelsMatchTheRawEvents() {
        JsonNode body = get("/v1/analytics/funnels", Map.of("to", "2026-11-29", "days", "60"));
        Period period = Period.of(FIRST, LocalDate.parse("2026-11-29"));
        assertEquals(FIRST.toString(), body.get("from").asText());
        int seen = 0;
        for (JsonNode row : body.get("channels")) {
            String channel = row.get("channel").asText();
            List<Long> counts = List.of(
                    row.get("viewed").asLong(),
                    row.get("carted").asLong(),
                    row.get("checked_out").asLong(),
                    row.get("ordered").asLong());
            assertEquals(reference.funnel(period, channel), counts, channel);
            seen++;
        }
        assertEquals(CHANNELS.size() + 1, seen);
    }

    @Test
    void rfmGridCountsEveryBuyerOnce() {
        JsonNode body = get("/v1/analytics/rfm", Map.of("asOf", "2026-11-29"));
        Map<String, Long> buyers = reference.ordersPerBuyer(LocalDate.parse("2026-11-29"));
        assertEquals(buyers.size(), body.get("customers").asLong());
        long inCells = 0;
        for (JsonNode cell : body.get("cells")) {
            assertTrue(cell.get("recency").asInt() >= 1 && cell.get("recency").asInt() <= 5, cell.toString());
            assertTrue(
                    cell.get("frequency").asInt() >= 1 && cell.get("frequency").asInt() <= 5, cell.toString());
            inCells += cell.get("customers").asLong();
        }
        assertEquals(buyers.size(), inCells);
    }

    @Test
    void withoutDatesThePeriodEndsOnTheNewestDayWithEvents() {
        JsonNode body = get("/v1/analytics/overview", Map.of("days", "7"));
        LocalDate newest = written.stream()
                .map(l -> Instant.parse(l.get("timestamp").asText())
                        .atZone(ZoneId.of("UTC"))
                        .toLocalDate())
                .max(LocalDate::compareTo)
                .orElseThrow();
        assertEquals(newest.toString(), body.get("to").asText());
        assertEquals(newest.minusDays(6).toString(), body.get("from").asText());
    }

    @Test
    void badDatesAreA400NamingTheParameter() {
        APIGatewayV2HTTPResponse response = call("/v1/analytics/funnels", Map.of("from", "yesterday"));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("from"), response.getBody());
        assertEquals(
                400,
                call("/v1/analytics/overview", Map.of("from", "2026-11-02", "to", "2026-11-01"))
                        .getStatusCode());
        assertEquals(
                400,
                call("/v1/analytics/overview", Map.of("from", "2024-01-01", "to", "2026-11-01"))
                        .getStatusCode());
    }

    private JsonNode get(String path, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = call(path, query);
        assertEquals(200, response.getStatusCode(), response.getBody());
        try {
            return Json.parse(response.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private APIGatewayV2HTTPResponse call(String path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET " + path)
                .withRawPath(path)
                .withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .build())
                        .build())
                .build();
        return handler.handleRequest(StaffClaims.as(event, "analyst"), null); // staff-only routes (routes-auth.tsv)
    }
}
