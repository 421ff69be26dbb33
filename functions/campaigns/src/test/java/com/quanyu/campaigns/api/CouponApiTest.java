package com.quanyu.campaigns.api;

import static com.quanyu.campaigns.Fixtures.NOW;
import static com.quanyu.campaigns.Fixtures.campaignJson;
import static com.quanyu.campaigns.Http.json;
import static com.quanyu.campaigns.Http.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.campaigns.CampaignsApiHandler;
import com.quanyu.campaigns.Fixtures;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.Concurrently;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coupon API end to end through the handler, against the DynamoDB and S3 stand-ins. */
@ExtendWith(AwsStandInsExtension.class)
class CouponApiTest {
    private static final int THREADS = 16;
    private static final List<String> CHANNELS =
            List.of("web", "app", "wechat", "store", "line", "telegram", "messenger", "pos");

    private final MovableClock clock = new MovableClock(NOW);
    private final CampaignsApiHandler api;

    CouponApiTest(StandIns aws) {
        this.api = new CampaignsApiHandler(Fixtures.context(aws, clock));
    }

    @Test
    void sixteenThreadsRedeemingTheSameCodesThroughDifferentChannelsGetExactTotals() throws Exception {
        String campaign = Fixtures.id("conc");
        assertEquals(
                201,
                call(
                                "POST /v1/campaigns",
                                campaignJson(
                                        campaign,
                                        "{\"type\": \"amount_off\", \"amountOff\": \"20.00\"}",
                                        "[\"all\"]",
                                        "300.00"))
                        .getStatusCode());
        String shared = "POSTER" + Math.abs(campaign.hashCode());
        assertEquals(
                201,
                call("POST /v1/campaigns/{id}/coupons", "{\"code\": \"" + shared + "\", \"cap\": 10}", campaign)
                        .getStatusCode());
        List<String> uniques = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uniques.add(json(call(
                            "POST /v1/campaigns/{id}/coupons", "{\"profileId\": \"p-" + campaign + i + "\"}", campaign))
                    .get("code")
                    .asText());
        }
        Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> okByChannel = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        run(thread -> {
            String channel = CHANNELS.get(thread % CHANNELS.size());
            for (String code : concat(shared, uniques)) {
                String body = "{\"orderId\": \"o-" + thread + "\", \"channel\": \"" + channel
                        + "\", \"total\": \"88.00\", \"currency\": \"CNY\"}";
                APIGatewayV2HTTPResponse first = call("POST /v1/coupons/{code}/redeem", body, code);
                APIGatewayV2HTTPResponse retry = call("POST /v1/coupons/{code}/redeem", body, code);
                assertEquals(first.getStatusCode(), retry.getStatusCode(), "a retried request gets the same answer");
                statuses.computeIfAbsent(first.getStatusCode(), k -> new AtomicInteger())
                        .incrementAndGet();
                if (first.getStatusCode() == 200) {
                    assertEquals("20.00", json(first).get("discount").asText());
                    ok.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                    okByChannel
                            .computeIfAbsent(channel, k -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        });
        // 10 shared + 3 unique uses would be 260.00 of discount: within the 300.00 budget, so the caps decide.
        assertEquals(10, ok.get(shared).get());
        uniques.forEach(code -> assertEquals(1, ok.get(code).get(), code));
        assertEquals(13, statuses.get(200).get());
        assertEquals(THREADS * 4 - 13, statuses.get(409).get(), "every other attempt is a 409 with the reason");
        JsonNode stored = json(call("GET /v1/campaigns/{id}", null, campaign));
        assertEquals("40.00", stored.get("budgetRemaining").asText());
        assertEquals(
                0,
                json(call("GET /v1/coupons/{code}", null, shared))
                        .get("remaining")
                        .asLong());

        // the console's figures: every confirmed use once, by the channel it came through and by code
        JsonNode figures = json(call("GET /v1/campaigns/{id}/redemptions", null, campaign));
        assertEquals(13, figures.get("redeemed").asLong());
        assertEquals("260.00", figures.get("discount").asText());
        Map<String, Integer> byChannel = new java.util.TreeMap<>();
        figures.get("channels")
                .forEach(c -> byChannel.put(
                        c.get("channel").asText(), c.get("redeemed").asInt()));
        Map<String, Integer> expected = new java.util.TreeMap<>();
        okByChannel.forEach((channel, n) ->
                expected.merge(com.quanyu.shared.campaigns.Channels.normalise(channel), n.get(), Integer::sum));
        assertEquals(expected, byChannel);
        Map<String, Long> byCode = new java.util.TreeMap<>();
        figures.get("codes")
                .forEach(c ->
                        byCode.put(c.get("code").asText(), c.get("redeemed").asLong()));
        Map<String, Long> expectedCodes = new java.util.TreeMap<>();
        ok.forEach((code, n) -> expectedCodes.put(code, (long) n.get()));
        assertEquals(expectedCodes, byCode);
        assertEquals(
                404,
                call("GET /v1/campaigns/{id}/redemptions", null, Fixtures.id("none"))
                        .getStatusCode());
    }

    @Test
    void badInputGetsAClearFourHundredWithTheReason() {
        String campaign = Fixtures.id("bad");
        call(
                "POST /v1/campaigns",
                campaignJson(
                        campaign,
                        "{\"type\": \"percent_off\", \"percentOff\": 10, \"minimumSpend\": \"100\"}",
                        "[\"web\", \"chat\"]",
                        null));
        String code = "WELCOME" + Math.abs(campaign.hashCode());
        call("POST /v1/campaigns/{id}/coupons", "{\"code\": \"" + code + "\", \"cap\": 5}", campaign);

        expect(
                404,
                "coupon_unknown_code",
                "POST /v1/coupons/{code}/redeem",
                redeem("o1", "web", "120.00", "CNY"),
                "NOPE1234");
        expect(
                422,
                "coupon_wrong_channel",
                "POST /v1/coupons/{code}/redeem",
                redeem("o1", "store", "120.00", "CNY"),
                code);
        expect(
                422,
                "coupon_currency_mismatch",
                "POST /v1/coupons/{code}/redeem",
                redeem("o1", "web", "120.00", "USD"),
                code);
        expect(
                422,
                "coupon_below_minimum_spend",
                "POST /v1/coupons/{code}/redeem",
                redeem("o1", "web", "99.99", "CNY"),
                code);
        expect(400, "invalid_field", "POST /v1/coupons/{code}/redeem", redeem("o1", "web", "-5.00", "CNY"), code);
        expect(400, "invalid_field", "POST /v1/coupons/{code}/redeem", redeem("o1", "web", "1.005", "CNY"), code);
        expect(400, "invalid_field", "POST /v1/coupons/{code}/redeem", redeem("o1", "web", "12", "XYZ"), code);
        expect(400, "invalid_request", "POST /v1/coupons/{code}/redeem", redeem("o1", "fax", "120.00", "CNY"), code);
        expect(
                400,
                "invalid_field",
                "POST /v1/coupons/{code}/redeem",
                "{\"channel\": \"web\", \"total\": 5, \"currency\": \"CNY\"}",
                code);
        expect(400, "malformed_json", "POST /v1/coupons/{code}/redeem", "{\"orderId\": ", code);
        expect(
                400,
                "invalid_field",
                "POST /v1/profiles/{id}/loyalty/spend",
                "{\"orderId\": \"x\", \"points\": -10, \"channel\": \"web\"}",
                "p1");
        expect(
                409,
                "insufficient_points",
                "POST /v1/profiles/{id}/loyalty/spend",
                "{\"orderId\": \"x\", \"points\": 10, \"channel\": \"web\"}",
                Fixtures.id("nobody"));
        expect(
                400,
                "invalid_field",
                "POST /v1/campaigns",
                campaignJson(
                        Fixtures.id("neg"), "{\"type\": \"amount_off\", \"amountOff\": \"-3\"}", "[\"all\"]", null));
        expect(
                400,
                "invalid_request",
                "POST /v1/campaigns",
                campaignJson("Bad Id!", "{\"type\": \"gift\", \"giftSku\": \"S1\"}", "[\"all\"]", null));
        expect(404, "coupon_not_redeemed", "POST /v1/coupons/{code}/release", "{\"orderId\": \"never\"}", code);

        assertEquals(
                200,
                call("POST /v1/coupons/{code}/redeem", redeem("o-wechat", "wechat", "150.00", "CNY"), code)
                        .getStatusCode(),
                "the chat group admits wechat");
        clock.advance(Duration.ofDays(40));
        try {
            expect(
                    422,
                    "coupon_expired",
                    "POST /v1/coupons/{code}/redeem",
                    redeem("o-late", "web", "150.00", "CNY"),
                    code);
        } finally {
            clock.advance(Duration.ofDays(-40));
        }
    }

    @Test
    void refundReleasesTheCouponAndAPosBatchRedeemsLineByLine() {
        String campaign = Fixtures.id("refund");
        call("POST /v1/campaigns", campaignJson(campaign, "{\"type\": \"free_shipping\"}", "[\"all\"]", null));
        String code = "SHIP" + Math.abs(campaign.hashCode());
        call("POST /v1/campaigns/{id}/coupons", "{\"code\": \"" + code + "\", \"cap\": 2}", campaign);
        JsonNode batch = json(call("POST /v1/pos/redemptions", """
                {"storeId": "S01", "redemptions": [
                  {"code": "%s", "orderId": "pos-1", "total": "50.00", "shipping": "8.00", "currency": "CNY"},
                  {"code": "%s", "orderId": "pos-2", "total": "-1", "currency": "CNY"},
                  {"code": "%s", "orderId": "pos-3", "total": "60.00", "currency": "CNY"},
                  {"code": "%s", "orderId": "pos-4", "total": "70.00", "currency": "CNY"}]}""".formatted(code, code, code, code)));
        assertEquals(2, batch.get("redeemed").asLong());
        assertEquals("8.00", batch.at("/results/0/redemption/discount").asText());
        assertEquals(400, batch.at("/results/1/status").asInt());
        assertEquals("coupon_cap_reached", batch.at("/results/3/error").asText());

        JsonNode refund = json(call("POST /v1/orders/{orderId}/refund", "{}", "pos-1"));
        assertEquals("RELEASED", refund.at("/releasedCoupons/0/state").asText());
        assertEquals(
                1,
                json(call("GET /v1/coupons/{code}", null, code))
                        .get("remaining")
                        .asLong());
        assertTrue(
                json(call("POST /v1/orders/{orderId}/refund", "{}", "pos-1"))
                        .get("releasedCoupons")
                        .isEmpty(),
                "repeat is a no-op");
        assertEquals(
                200,
                call("POST /v1/coupons/{code}/redeem", redeem("pos-4", "store", "70.00", "CNY"), code)
                        .getStatusCode());
    }

    private static String redeem(String orderId, String channel, String total, String currency) {
        return "{\"orderId\": \"%s\", \"channel\": \"%s\", \"total\": \"%s\", \"currency\": \"%s\"}"
                .formatted(orderId, channel, total, currency);
    }

    private void expect(int status, String error, String route, String body, String... path) {
        APIGatewayV2HTTPResponse response = call(route, body, path);
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode json = json(response);
        assertEquals(error, json.get("error").asText(), response.getBody());
        assertTrue(json.get("message").asText().length() > 5, "the message says why");
    }

    private APIGatewayV2HTTPResponse call(String route, String body, String... path) {
        return api.handleRequest(request(route, body, path), null);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void run(java.util.function.IntConsumer body) throws Exception {
        Concurrently.run(THREADS, body::accept);
    }
}
