package com.quanyu.campaigns.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.campaigns.CampaignEvent;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Object;

@ExtendWith(AwsStandInsExtension.class)
class LakeEventSinkTest {
    private final StandIns aws;
    private final String bucket;

    LakeEventSinkTest(StandIns aws) {
        this.aws = aws;
        this.bucket = aws.envFor("CampaignsFunction").required("DATA_LAKE_BUCKET");
    }

    @Test
    void writesOneAcceptedEventLinePerMessageIdWhateverTheRetries() throws Exception {
        String messageId = "coupon-redeemed:SINKTEST:" + System.nanoTime();
        CampaignEvent event = new CampaignEvent(
                messageId,
                "p-sink",
                "Coupon Redeemed",
                "store",
                Map.of("coupon", "SINKTEST", "campaign_id", "c1"),
                Instant.parse("2026-11-29T08:00:00Z"));
        LakeEventSink sink = new LakeEventSink(
                new com.quanyu.shared.lake.store.LakeWriter(aws.s3(), bucket, java.time.Clock.systemUTC()));
        sink.emit(event);
        sink.emit(event);
        var objects = aws
                .s3()
                .listObjectsV2(b -> b.bucket(bucket).prefix("events/dt=2026-11-29/channel=store/campaigns-"))
                .contents()
                .stream()
                .map(S3Object::key)
                .filter(k -> read(k).get("messageId").asText().equals(messageId))
                .toList();
        assertEquals(1, objects.size(), "a re-emitted event overwrites its object");
        JsonNode line = read(objects.getFirst());
        assertEquals("track", line.get("type").asText());
        assertEquals("Coupon Redeemed", line.get("event").asText());
        assertEquals("p-sink", line.get("profileId").asText());
        assertEquals("store", line.path("context").path("channel").asText());
        assertEquals("c1", line.path("properties").path("campaign_id").asText());
    }

    private JsonNode read(String key) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(
                aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()))) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
