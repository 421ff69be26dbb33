package com.quanyu.campaigns.api;

import static com.quanyu.campaigns.Http.json;
import static com.quanyu.campaigns.Http.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.campaigns.CampaignsApiHandler;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.Fixtures;
import com.quanyu.shared.customer.EventResult;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A customer known to ingestion by email and phone gets the same loyalty balance whichever of them
 * (or the profile id) a channel passes: resolution is ingestion's own stitching.
 */
@ExtendWith(AwsStandInsExtension.class)
class IdentityResolutionTest {
    private final StandIns aws;

    IdentityResolutionTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void anyIdentifierReachesTheOneLoyaltyAccount() throws Exception {
        String user = Fixtures.id("u");
        String email = user + "@example.com";
        String phone = "+86139" + String.format("%08d", Math.abs(user.hashCode()) % 100_000_000);
        JsonNode identify = Json.parse("""
                {"type": "identify", "userId": "%s", "messageId": "%s-identify", "timestamp": "%s",
                 "traits": {"email": "%s", "phone": "%s"}}""".formatted(user, user, Instant.now(), email, phone));
        IngestReport report = CustomerStores.fromEnv(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3())
                .pipeline(null)
                .ingest(Source.of("campaigns-test", "web"), List.of(identify));
        EventResult result = report.results().getFirst();
        assertEquals(EventResult.Status.ACCEPTED, result.status(), result.toString());
        String profileId = result.profileId();

        CampaignsContext context = Fixtures.context(aws, Clock.systemUTC());
        context.loyalty()
                .earn(
                        profileId,
                        user + "-o1",
                        com.quanyu.shared.campaigns.Money.of(new java.math.BigDecimal("88"), "CNY"),
                        "store",
                        Instant.now(),
                        1.0);
        CampaignsApiHandler api = new CampaignsApiHandler(context);
        for (String reference : List.of(profileId, "email:" + email.toUpperCase(), "phone:" + phone, email)) {
            JsonNode loyalty = json(api.handleRequest(request("GET /v1/profiles/{id}/loyalty", null, reference), null));
            assertEquals(profileId, loyalty.get("profileId").asText(), reference);
            assertEquals(88, loyalty.get("balance").asLong(), reference);
        }
    }
}
