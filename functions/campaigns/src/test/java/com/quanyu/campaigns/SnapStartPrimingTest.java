package com.quanyu.campaigns;

import static com.quanyu.campaigns.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The campaigns API's SnapStart priming runs Customer 360's request path against the real stores,
 * without failing and without writing anything.
 */
@ExtendWith(AwsStandInsExtension.class)
class SnapStartPrimingTest {
    private final StandIns aws;
    private final CampaignsApiHandler api;

    SnapStartPrimingTest(StandIns aws) {
        this.aws = aws;
        this.api = new CampaignsApiHandler(Fixtures.context(aws, new MovableClock(NOW)));
    }

    @Test
    void primingRunsTheRequestPathAndWritesNothing() {
        String campaign = Fixtures.id("prime");
        assertEquals(
                201,
                api.handleRequest(
                                Http.request(
                                        "POST /v1/campaigns",
                                        Fixtures.campaignJson(
                                                campaign,
                                                "{\"type\": \"percent_off\", \"percentOff\": 10}",
                                                "[\"all\"]",
                                                null)),
                                null)
                        .getStatusCode());
        List<Long> before = counts();

        assertTrue(api.priming().prime(), "priming must not fail (a failure is only logged in Lambda)");

        assertEquals(before, counts(), "items in the campaigns and profiles tables, objects in the lake");
    }

    @Test
    void aBrokenStoreFailsThePriming() {
        // DynamoDB at a closed port: the profile resolution is a storage fault, a 503
        var broken = aws.envFor("CampaignsFunction").with(Map.of(AwsClients.DYNAMODB_ENDPOINT, "http://127.0.0.1:1"));
        assertFalse(new CampaignsApiHandler(broken).priming().prime(), "a 5xx while priming is a failed priming");
    }

    private List<Long> counts() {
        var env = aws.envFor("CampaignsFunction");
        return List.of(
                items(env.required("CAMPAIGNS_TABLE")),
                items(env.required("PROFILES_TABLE")),
                aws.s3().listObjectsV2Paginator(b -> b.bucket(env.required("DATA_LAKE_BUCKET"))).contents().stream()
                        .count());
    }

    private long items(String table) {
        return aws.dynamo().scanPaginator(b -> b.tableName(table)).stream()
                .mapToLong(ScanResponse::count)
                .sum();
    }
}
