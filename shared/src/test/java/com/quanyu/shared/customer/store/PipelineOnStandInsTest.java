package com.quanyu.shared.customer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.risk.OrderRisk;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsStandInsExtension.class)
class PipelineOnStandInsTest {
    private static final Source WEB = Source.of("test-web", "web");
    private static final Source WECHAT = Source.of("test-wechat", "wechat");

    private final StandIns aws;
    private final Env env;
    private final CustomerStores stores;
    private final EventPipeline pipeline;
    private final ProfileStore profiles;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    PipelineOnStandInsTest(StandIns aws) {
        this.aws = aws;
        this.env = aws.envFor("IngestFunction");
        this.stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
        this.pipeline = stores.pipeline(order -> new OrderRisk(
                order.total() > 10_000 ? 0.9 : 0.1, order.total() > 10_000, List.of("test rule"), "rules"));
        this.profiles = stores.profiles();
    }

    private static ObjectNode event(String json) {
        try {
            return (ObjectNode) Json.parse(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The fold reads its new people's tombstones in one BatchGetItem: only deleted ids come back. */
    @Test
    void deletedAmongNamesOnlyTheDeletedProfiles() {
        var repository = stores.profileRepository();
        String gone = "pgone-" + run;
        repository.deleteProfile(gone, java.time.Instant.now());
        assertEquals(java.util.Set.of(gone), repository.deletedAmong(List.of(gone, "pnever-" + run, gone)));
        assertEquals(java.util.Set.of(), repository.deletedAmong(List.of("pnever-" + run)));
    }

    /** Issue #12: alias whose previousId is a former userId merges the two people's profiles. */
    @Test
    void aliasWithAFormerUserIdJoinsBothProfiles() {
        String old = "old-" + run;
        String renamed = "new-" + run;
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"track\",\"userId\":\"" + old
                        + "\",\"event\":\"Product Viewed\",\"messageId\":\"a1-" + run + "\"}")));
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"track\",\"userId\":\"" + renamed
                        + "\",\"event\":\"Product Viewed\",\"messageId\":\"a2-" + run + "\"}")));
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"alias\",\"userId\":\"" + renamed + "\",\"previousId\":\"" + old
                        + "\",\"messageId\":\"a3-" + run + "\"}")));
        Profile byOld = profiles.resolve(IdentifierType.USER_ID, old).orElseThrow();
        Profile byNew = profiles.resolve(IdentifierType.USER_ID, renamed).orElseThrow();
        assertEquals(byNew.profileId(), byOld.profileId());
        assertEquals(3, byNew.counters().events());
        // an alias from an anonymousId (the common case) still never adds a userId of that value
        String anon = "visitor-" + run;
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"alias\",\"userId\":\"" + renamed + "\",\"previousId\":\"" + anon
                        + "\",\"messageId\":\"a4-" + run + "\"}")));
        assertEquals(
                byNew.profileId(),
                profiles.resolve(IdentifierType.ANONYMOUS_ID, anon)
                        .orElseThrow()
                        .profileId());
        assertTrue(profiles.resolve(IdentifierType.USER_ID, anon).isEmpty());
    }

    @Test
    void anonymousVisitThenIdentifyIsOneProfile() {
        String anon = "anon-" + run;
        String email = "Shopper+" + run + "@Example.com";
        pipeline.ingest(
                WEB,
                List.of(
                        event("{\"type\":\"page\",\"anonymousId\":\"" + anon
                                + "\",\"name\":\"Home\",\"messageId\":\"m1-" + run
                                + "\",\"context\":{\"sessionId\":\"s1\"}}"),
                        event("{\"type\":\"track\",\"anonymousId\":\"" + anon
                                + "\",\"event\":\"Product Added\",\"properties\":{\"sku\":\"SKU-1\"},\"messageId\":\"m2-"
                                + run + "\",\"context\":{\"sessionId\":\"s1\"}}")));
        IngestReport report = pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"identify\",\"anonymousId\":\"" + anon + "\",\"userId\":\"u-" + run
                        + "\",\"traits\":{\"email\":\"" + email + "\",\"name\":\"李雷\"},\"messageId\":\"m3-" + run
                        + "\"}")));
        assertEquals(Status.ACCEPTED, report.results().get(0).status());
        Profile byEmail = profiles.resolve("email:" + email.toLowerCase()).orElseThrow();
        Profile byAnon = profiles.resolve(IdentifierType.ANONYMOUS_ID, anon).orElseThrow();
        Profile byUser = profiles.resolve("u-" + run).orElseThrow();
        assertEquals(byEmail.profileId(), byAnon.profileId());
        assertEquals(byEmail.profileId(), byUser.profileId());
        assertEquals(3, byEmail.counters().events());
        assertEquals(1, byEmail.counters().pageViews());
        assertEquals(1, byEmail.counters().cartAdds());
        assertEquals(1, byEmail.counters().sessions());
        assertEquals("李雷", byEmail.traits().get("name").value().asText());
        assertEquals(3, byEmail.identifiers().size());
        assertFalse(
                aws.dynamo()
                        .getItem(b -> b.tableName(env.required("PROFILES_TABLE"))
                                .key(DynamoProfileRepository.key("profile#" + byEmail.profileId(), "profile")))
                        .item()
                        .get("identifiers")
                        .toString()
                        .toLowerCase()
                        .contains("shopper+"),
                "raw email must not be a key or identifier");
    }

    @Test
    void duplicatesAreProcessedOnce() {
        ObjectNode page =
                event("{\"type\":\"page\",\"anonymousId\":\"dup-" + run + "\",\"messageId\":\"dup-" + run + "\"}");
        assertEquals(
                Status.ACCEPTED,
                pipeline.ingest(WEB, List.of(page)).results().get(0).status());
        assertEquals(
                Status.DUPLICATE,
                pipeline.ingest(WEB, List.of(page)).results().get(0).status());
        IngestReport twiceInOneCall = pipeline.ingest(WEB, List.of(page, page));
        assertEquals(2, twiceInOneCall.count(Status.DUPLICATE));
        assertEquals(
                Status.ACCEPTED,
                pipeline.ingest(WECHAT, List.of(page)).results().get(0).status(),
                "the same messageId from another source is another message");
        assertEquals(
                2,
                profiles.resolve("anonymous_id:dup-" + run)
                        .orElseThrow()
                        .counters()
                        .pageViews());
    }

    @Test
    void anEventLinkingTwoProfilesMergesThemWithoutDoubleCounting() {
        String anon = "web-" + run;
        String openid = "oWx" + run;
        String phone = "1390000" + run.hashCode() % 10000;
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"page\",\"anonymousId\":\"" + anon + "\",\"messageId\":\"a1-" + run
                        + "\",\"context\":{\"sessionId\":\"shared-session\"}}")));
        pipeline.ingest(
                WECHAT,
                List.of(event("{\"type\":\"track\",\"event\":\"Message Sent\",\"anonymousId\":\"wx-" + run
                        + "\",\"messageId\":\"a2-" + run
                        + "\",\"context\":{\"sessionId\":\"shared-session\",\"externalIds\":[{\"id\":\"" + openid
                        + "\",\"type\":\"wechat_openid\"}]}}")));
        String webProfile =
                profiles.resolve("anonymous_id:" + anon).orElseThrow().profileId();
        String wechatProfile =
                profiles.resolve("wechat_openid:" + openid).orElseThrow().profileId();
        assertNotEquals(webProfile, wechatProfile);

        aws.dynamo()
                .updateItem(b -> b.tableName(env.required("PROFILES_TABLE"))
                        .key(DynamoProfileRepository.key("profile#" + webProfile, "profile"))
                        .updateExpression("SET scores = :s")
                        .expressionAttributeValues(
                                Map.of(":s", AttributeValue.fromM(Map.of("churn", AttributeValue.fromN("0.25"))))));

        pipeline.ingest(
                WECHAT,
                List.of(event("{\"type\":\"identify\",\"anonymousId\":\"" + anon + "\",\"traits\":{\"phone\":\""
                        + phone + "\"},\"messageId\":\"a3-" + run + "\",\"context\":{\"externalIds\":[{\"id\":\""
                        + openid
                        + "\",\"type\":\"wechat_openid\"}]}}")));
        Profile merged = profiles.resolve("wechat_openid:" + openid).orElseThrow();
        assertEquals(
                merged.profileId(),
                profiles.resolve("anonymous_id:" + anon).orElseThrow().profileId());
        String older = webProfile.compareTo(wechatProfile) < 0 ? webProfile : wechatProfile;
        String newer = older.equals(webProfile) ? wechatProfile : webProfile;
        assertEquals(older, merged.profileId());
        assertEquals(
                merged.profileId(), profiles.resolve(newer).orElseThrow().profileId(), "merged-away id still resolves");
        assertEquals(3, merged.counters().events());
        assertEquals(1, merged.counters().sessions(), "a session seen on both sides counts once");
        assertEquals(
                Map.of("web", true, "wechat", true).keySet(), merged.channels().keySet());
        assertTrue(merged.absorbed().contains(newer));
        var item = aws.dynamo()
                .getItem(b -> b.tableName(env.required("PROFILES_TABLE"))
                        .key(DynamoProfileRepository.key("profile#" + webProfile, "profile")))
                .item();
        assertTrue(item.containsKey("scores"), "the train function's scores survive our writes");
    }

    @Test
    void mergeRefusedWhenItWouldGiveAPersonTwoUserIds() {
        String device = "shared-tablet-" + run;
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"identify\",\"userId\":\"alice-" + run + "\",\"anonymousId\":\"" + device
                        + "\",\"messageId\":\"r1-" + run + "\"}")));
        pipeline.ingest(
                WEB,
                List.of(event(
                        "{\"type\":\"identify\",\"userId\":\"bob-" + run + "\",\"messageId\":\"r2-" + run + "\"}")));
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"track\",\"event\":\"Signed In\",\"userId\":\"bob-" + run
                        + "\",\"anonymousId\":\"" + device + "\",\"messageId\":\"r3-" + run + "\"}")));
        Profile alice = profiles.resolve("user_id:alice-" + run).orElseThrow();
        Profile bob = profiles.resolve("user_id:bob-" + run).orElseThrow();
        assertNotEquals(alice.profileId(), bob.profileId());
        assertEquals(2, bob.counters().events(), "the event joined the profile of its userId");
    }

    @Test
    void ordersAreRecordedOnceWithRiskAndCounted() {
        String user = "buyer-" + run;
        String order = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"" + user
                + "\",\"messageId\":\"%s\"," + "\"properties\":{\"order_id\":\"o-" + run
                + "\",\"total\":%s,\"currency\":\"cny\",\"products\":[{\"sku\":\"A\",\"name\":\"茶\",\"quantity\":2,\"price\":50}]}}";
        pipeline.ingest(WEB, List.of(event(String.format(order, "o1-" + run, "100"))));
        pipeline.ingest(WEB, List.of(event(String.format(order, "o1-resent-" + run, "100"))));
        Profile buyer = profiles.resolve(user).orElseThrow();
        assertEquals(1, buyer.counters().orders(), "same order id under another messageId is not a second order");
        assertEquals(100.0, buyer.rfm().revenue());
        Order stored = stores.orders().find("o-" + run).orElseThrow();
        assertEquals(buyer.profileId(), stored.profileId());
        assertEquals("CNY", stored.currency());
        assertEquals(2, stored.items().get(0).quantity());
        assertEquals(0.1, stored.risk().score());
        assertEquals(1, stores.orders().recentForProfile(buyer, 5).size());

        pipeline.ingest(
                WEB, List.of(event(String.format(order, "big-" + run, "20000").replace("o-" + run, "big-" + run))));
        assertTrue(stores.orders().flaggedOrders(100).stream()
                .anyMatch(o -> o.orderId().equals("big-" + run)));
    }

    @Test
    void forgottenPeopleStayForgotten() {
        String user = "gone-" + run;
        pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"identify\",\"userId\":\"" + user + "\",\"traits\":{\"email\":\"gone" + run
                        + "@example.com\"},\"messageId\":\"g1-" + run + "\"}")));
        Profile before = profiles.resolve(user).orElseThrow();
        assertTrue(profiles.forget("email:gone" + run + "@example.com").isPresent());
        assertEquals(ProfileStore.Lookup.Status.FORGOTTEN, profiles.lookup(user).status());
        assertEquals(
                ProfileStore.Lookup.Status.FORGOTTEN,
                profiles.lookup(before.profileId()).status());
        IngestReport late = pipeline.ingest(
                WEB,
                List.of(event("{\"type\":\"track\",\"event\":\"Late\",\"userId\":\"" + user + "\",\"messageId\":\"g2-"
                        + run + "\"}")));
        assertEquals(Status.SUPPRESSED, late.results().get(0).status());
        assertTrue(profiles.resolve(user).isEmpty());
    }

    @Test
    void acceptedEventsLandInTheLakeAsGzipNdjsonPartitions() throws IOException {
        String anon = "lake-" + run;
        pipeline.ingest(
                Source.of("lake-src-" + run, "app"),
                List.of(event("{\"type\":\"screen\",\"name\":\"首页\",\"anonymousId\":\"" + anon
                        + "\",\"messageId\":\"l1-" + run
                        + "\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"sentAt\":\"2026-11-28T10:00:05Z\"}")));
        String bucket = env.required("DATA_LAKE_BUCKET");
        var objects = aws.s3()
                .listObjectsV2(b -> b.bucket(bucket).prefix("events/dt="))
                .contents();
        boolean found = false;
        for (var object : objects) {
            if (!object.key().contains("/channel=app/")) {
                continue;
            }
            byte[] gz = aws.s3()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray();
            String text = new String(
                    new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                JsonNode record = Json.parse(line);
                if (("l1-" + run).equals(record.path("messageId").asText())) {
                    found = true;
                    assertEquals("lake-src-" + run, record.get("sourceId").asText());
                    assertEquals(
                            "2026-11-28T10:00:00Z",
                            record.get("originalTimestamp").asText());
                    assertTrue(record.hasNonNull("profileId"));
                    assertTrue(record.hasNonNull("receivedAt"));
                    assertTrue(
                            object.key().matches("events/dt=\\d{4}-\\d{2}-\\d{2}/channel=app/.+\\.ndjson\\.gz"),
                            object.key());
                }
            }
        }
        assertTrue(found, "event not found in the lake");
    }
}
