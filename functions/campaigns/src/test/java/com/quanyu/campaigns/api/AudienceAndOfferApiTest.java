package com.quanyu.campaigns.api;

import static com.quanyu.campaigns.Fixtures.NOW;
import static com.quanyu.campaigns.Fixtures.campaignJson;
import static com.quanyu.campaigns.Http.json;
import static com.quanyu.campaigns.Http.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.campaigns.CampaignsApiHandler;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.CampaignsJobHandler;
import com.quanyu.campaigns.Fixtures;
import com.quanyu.campaigns.offer.HoldoutGroups;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class AudienceAndOfferApiTest {
    private final StandIns aws;
    private final CampaignsContext context;
    private final CampaignsApiHandler api;

    AudienceAndOfferApiTest(StandIns aws) {
        this.aws = aws;
        this.context = Fixtures.context(aws, new MovableClock(NOW));
        this.api = new CampaignsApiHandler(context);
    }

    @Test
    void audiencesCountExportHashedContactsAndRefreshOnSchedule() throws Exception {
        String segment = Fixtures.id("seg");
        Fixtures.profile(
                aws, segment + "-a", segment, 0.6, "wechat", NOW.minus(Duration.ofDays(3)), "Li.Lei@Example.com", null);
        Fixtures.profile(
                aws, segment + "-b", segment, 0.4, "wechat", NOW.minus(Duration.ofDays(20)), null, "13800138000");
        Fixtures.profile(aws, segment + "-c", segment, 0.1, "wechat", NOW, "low@example.com", null);
        Fixtures.profile(aws, segment + "-d", segment, 0.9, "web", NOW, "web@example.com", null);
        String audienceId = Fixtures.id("aud");
        APIGatewayV2HTTPResponse created =
                api.handleRequest(request("POST /v1/audiences", """
                {"id": "%s", "name": "at risk on wechat", "exportFormat": "meta", "rule": {"all": [
                  {"field": "scores.segment", "op": "eq", "value": "%s"},
                  {"field": "scores.propensity7d", "op": "gt", "value": 0.3},
                  {"channelSeen": "wechat", "withinDays": 30}]}}""".formatted(audienceId, segment)), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        assertEquals(2, json(created).get("count").asLong());

        JsonNode refreshed =
                json(api.handleRequest(request("POST /v1/audiences/{id}/refresh", null, audienceId), null));
        assertEquals(2, refreshed.get("exported").asLong());
        String csv = aws.s3()
                .getObjectAsBytes(b -> b.bucket(aws.envFor("CampaignsFunction").required("DATA_LAKE_BUCKET"))
                        .key(refreshed.get("exportKey").asText()))
                .asUtf8String();
        String[] lines = csv.split("\n");
        assertEquals("EMAIL,PHONE", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(csv.contains(sha256("li.lei@example.com") + ","), csv);
        assertTrue(csv.contains("," + sha256("8613800138000")), "Meta: phone digits with country code, no +");
        assertFalse(csv.contains("example.com"), "no raw contact leaves the platform");

        Map<String, Object> job =
                new CampaignsJobHandler(context).handleRequest(Map.of("job", "refresh-audiences"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> audiences = (Map<String, Object>) job.get("audiences");
        assertTrue(audiences.containsKey(audienceId));
        // every refresh records the members (journeys enter the joiners): both joined at the first, nobody at the job's
        java.util.Set<String> members = new java.util.TreeSet<>();
        context.memberships().forEachMember(audienceId, members::add);
        assertEquals(java.util.Set.of(segment + "-a", segment + "-b"), members);
        assertEquals(
                1,
                context.memberships()
                        .refreshesAfter(audienceId, NOW.minusSeconds(1))
                        .size(),
                "the manual refresh and the job ran at the same instant: one refresh");
        assertEquals(
                400, api.handleRequest(request("POST /v1/audiences", """
                {"id": "bad-rule", "name": "x", "rule": {"field": "scores.p", "op": "between", "value": 1}}"""), null).getStatusCode());
    }

    @Test
    void nextBestOfferLearnsFromShownAndRedeemedOnceAndHoldsOutAStableShare() {
        String segment = Fixtures.id("nbo");
        String treated = firstProfile(segment, false);
        String heldOut = firstProfile(segment, true);
        Fixtures.profile(aws, treated, segment, 0.5, "app", NOW, null, null);
        Fixtures.profile(aws, heldOut, segment, 0.5, "app", NOW, null, null);
        String audienceId = Fixtures.id("nbo-aud");
        api.handleRequest(request("POST /v1/audiences", """
                {"id": "%s", "name": "nbo", "rule": {"field": "scores.segment", "op": "eq", "value": "%s"}}""".formatted(audienceId, segment)), null);
        String campaign = Fixtures.id("nbo-c");
        api.handleRequest(
                request(
                        "POST /v1/campaigns",
                        campaignJson(campaign, "{\"type\": \"percent_off\", \"percentOff\": 15}", "[\"app\"]", null)
                                .replace("\"currency\"", "\"audienceId\": \"" + audienceId + "\", \"currency\"")),
                null);

        JsonNode offer =
                json(api.handleRequest(request("GET /v1/profiles/{id}/offer", null, treated, "channel", "app"), null));
        assertFalse(offer.get("holdout").asBoolean());
        assertEquals(segment + "|high", offer.get("context").asText());
        assertTrue(offer.hasNonNull("offer"), offer.toString());
        String chosen = offer.at("/offer/campaignId").asText();

        String shown =
                "{\"event\": \"Offer Shown\", \"profileId\": \"" + treated + "\", \"campaignId\": \"" + chosen + "\"}";
        assertTrue(json(api.handleRequest(request("POST /v1/offers/events", shown), null))
                .get("counted")
                .asBoolean());
        assertFalse(
                json(api.handleRequest(request("POST /v1/offers/events", shown), null))
                        .get("counted")
                        .asBoolean(),
                "once per decision");
        String redeemed = shown.replace("Offer Shown", "Offer Redeemed");
        assertTrue(json(api.handleRequest(request("POST /v1/offers/events", redeemed), null))
                .get("counted")
                .asBoolean());
        assertFalse(json(api.handleRequest(request("POST /v1/offers/events", redeemed), null))
                .get("counted")
                .asBoolean());
        var stats = context.offerMemory().stats(chosen).get(segment + "|high");
        assertEquals(1, stats.shown());
        assertEquals(1, stats.redeemed());

        JsonNode none =
                json(api.handleRequest(request("GET /v1/profiles/{id}/offer", null, heldOut, "channel", "app"), null));
        assertTrue(none.get("holdout").asBoolean());
        assertFalse(none.hasNonNull("offer"), "no offer for the holdout");
        assertTrue(context.offers().recordOrder(heldOut));
        assertFalse(context.offers().recordOrder(heldOut), "a group counts a profile's conversion once");
        JsonNode uplift = json(api.handleRequest(request("GET /v1/offers/uplift", null), null));
        assertTrue(uplift.get("holdoutProfiles").asLong() >= 1
                && uplift.get("holdoutConverted").asLong() >= 1);

        assertEquals(
                400,
                api.handleRequest(request("GET /v1/profiles/{id}/offer", null, treated), null)
                        .getStatusCode(),
                "channel required");
        assertEquals(
                404,
                api.handleRequest(
                                request("GET /v1/profiles/{id}/offer", null, "nobody-" + segment, "channel", "app"),
                                null)
                        .getStatusCode());
    }

    private static String firstProfile(String prefix, boolean held) {
        HoldoutGroups groups = new HoldoutGroups(500, "quanyu-offers-1");
        for (int i = 0; ; i++) {
            if (groups.heldOut(prefix + "-" + i) == held) {
                return prefix + "-" + i;
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
