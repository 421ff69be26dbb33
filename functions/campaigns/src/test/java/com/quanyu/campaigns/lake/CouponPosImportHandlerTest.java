package com.quanyu.campaigns.lake;

import static com.quanyu.campaigns.Fixtures.NOW;
import static com.quanyu.campaigns.Fixtures.campaignJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.campaigns.CampaignsApiHandler;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.CouponPosImportHandler;
import com.quanyu.campaigns.Fixtures;
import com.quanyu.campaigns.Http;
import com.quanyu.campaigns.S3Events;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class CouponPosImportHandlerTest {
    private final StandIns aws;
    private final CampaignsContext context;

    CouponPosImportHandlerTest(StandIns aws) {
        this.aws = aws;
        this.context = Fixtures.context(aws, new MovableClock(NOW));
    }

    @Test
    void anOfflineTillFileIsRedeemedLineByLineAndAReUploadChangesNothing() throws Exception {
        String run = Fixtures.id("till");
        CampaignsApiHandler api = new CampaignsApiHandler(context);
        api.handleRequest(
                Http.request(
                        "POST /v1/campaigns",
                        campaignJson(run, "{\"type\": \"amount_off\", \"amountOff\": \"15\"}", "[\"store\"]", null)),
                null);
        String code = "TILL" + Math.abs(run.hashCode());
        api.handleRequest(
                Http.request("POST /v1/campaigns/{id}/coupons", "{\"code\": \"" + code + "\", \"cap\": 2}", run), null);
        String bucket = aws.envFor("CouponPosImportFunction").required("DATA_LAKE_BUCKET");
        String key = "imports/pos-coupons/S01/" + run + ".csv";
        String csv = "code,order_id,total,currency\n" + code + ",t-1,99.00,CNY\n" + code + ",t-2,abc,CNY\n"
                + "UNKNOWNCODE,t-3,10,CNY\n" + code + ",t-4,45.50,CNY\n" + code + ",t-5,45.50,CNY\n";
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(csv));
        CouponPosImportHandler handler = new CouponPosImportHandler(context, aws.s3());
        handler.handleRequest(S3Events.created(bucket, key), null);
        handler.handleRequest(S3Events.created(bucket, key), null); // S3 delivers twice

        JsonNode report = Json.parse(aws.s3()
                .getObjectAsBytes(
                        b -> b.bucket(bucket).key("imports/pos-coupons-results/S01/" + run + ".csv.result.json"))
                .asUtf8String());
        assertEquals(2, report.get("redeemed").asInt(), report.toString());
        assertEquals(400, report.at("/results/1/status").asInt());
        assertEquals("coupon_unknown_code", report.at("/results/2/error").asText());
        assertEquals("coupon_cap_reached", report.at("/results/4/error").asText());
        assertEquals(0, context.coupons().find(code).orElseThrow().remaining());
    }
}
