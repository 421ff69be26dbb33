package com.quanyu.campaigns.lake;

import static com.quanyu.campaigns.Fixtures.NOW;
import static com.quanyu.campaigns.Fixtures.campaignJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.campaigns.CampaignsApiHandler;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.Fixtures;
import com.quanyu.campaigns.Http;
import com.quanyu.campaigns.LakeEventsHandler;
import com.quanyu.campaigns.S3Events;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Loyalty earning from lake objects, with S3 re-deliveries and concurrent invocations. */
@ExtendWith(AwsStandInsExtension.class)
class LakeEventsHandlerTest {
    private static final int THREADS = 16;

    private final StandIns aws;
    private final String bucket;
    private final CampaignsContext context;
    private final LakeEventsHandler handler;

    LakeEventsHandlerTest(StandIns aws) {
        this.aws = aws;
        this.bucket = aws.envFor("LoyaltyEarnFunction").required("DATA_LAKE_BUCKET");
        this.context = Fixtures.context(aws, new MovableClock(NOW));
        this.handler = new LakeEventsHandler(context, aws.s3());
    }

    @Test
    void redeliveredObjectsAndRetriedOrdersCreditExactlyOnce() throws Exception {
        String run = Fixtures.id("lake");
        int customers = 5;
        List<String> keys = new ArrayList<>();
        // 8 objects of 10 orders each; every order also appears again in the next object (a retried order event)
        for (int object = 0; object < 8; object++) {
            StringBuilder lines = new StringBuilder();
            for (int i = object * 10; i < object * 10 + 12; i++) {
                lines.append(order(
                                run + "-p" + (i % customers),
                                run + "-o" + i,
                                "10.00",
                                "CNY",
                                i % 2 == 0 ? "store" : "web"))
                        .append('\n');
            }
            lines.append("{not json}\n");
            lines.append(
                    "{\"type\": \"track\", \"event\": \"Product Viewed\", \"profileId\": \"x\", \"properties\": {}}\n");
            String key = "events/dt=2026-11-29/channel=web/" + run + "-" + object + ".ndjson.gz";
            aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(gzip(lines.toString())));
            keys.add(key);
        }
        // each object is delivered twice, by two different threads at the same time
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String key = keys.get(t % keys.size());
            results.add(pool.submit(() -> {
                start.await();
                return handler.handleRequest(S3Events.created(bucket, key), null);
            }));
        }
        start.countDown();
        long earned = 0;
        long malformed = 0;
        for (Future<Map<String, Object>> r : results) {
            Map<String, Object> summary = r.get(120, TimeUnit.SECONDS);
            earned += (Long) summary.getOrDefault("pointsEarned", 0L);
            malformed += (Long) summary.getOrDefault("malformed", 0L);
        }
        pool.shutdown();
        assertEquals(82, earned, "orders 0..81 each credited once, however often delivered");
        assertEquals(THREADS, malformed, "one malformed line per delivery, skipped");
        long total = 0;
        for (int c = 0; c < customers; c++) {
            total += context.loyalty().summary(run + "-p" + c).balance();
        }
        assertEquals(82 * 10, total, "10 points per distinct order (all customers stay below silver)");
    }

    @Test
    void bonusCampaignsMultiplyAndForeignCurrencyOrdersEarnNothing() throws Exception {
        String run = Fixtures.id("bonus");
        CampaignsApiHandler api = new CampaignsApiHandler(context);
        // The bonus is for one audience only, so it cannot leak into other tests sharing the table.
        Fixtures.profile(aws, run + "-p", run, 0.5, "store", NOW, null, null);
        assertEquals(
                201,
                api.handleRequest(Http.request("POST /v1/audiences", """
                {"id": "%s", "name": "bonus test", "rule": {"field": "scores.segment", "op": "eq", "value": "%s"}}""".formatted(run, run)), null)
                        .getStatusCode());
        String campaign = campaignJson(
                        run, "{\"type\": \"bonus_points\", \"pointsMultiplier\": 3}", "[\"store\"]", null)
                .replace("\"currency\"", "\"audienceId\": \"" + run + "\", \"currency\"");
        assertEquals(
                201,
                api.handleRequest(Http.request("POST /v1/campaigns", campaign), null)
                        .getStatusCode());
        String key = "events/dt=2026-11-29/channel=store/" + run + ".ndjson.gz";
        String lines = order(run + "-p", run + "-store", "10.00", "CNY", "store") + "\n"
                + order(run + "-p", run + "-web", "10.00", "CNY", "web") + "\n"
                + order(run + "-p", run + "-usd", "10.00", "USD", "web") + "\n";
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(gzip(lines)));
        Map<String, Object> summary = handler.handleRequest(S3Events.created(bucket, key), null);
        assertEquals(2L, summary.get("pointsEarned"));
        assertEquals(1L, summary.get("noPoints"));
        assertEquals(30 + 10, context.loyalty().summary(run + "-p").balance(), "triple points in store only");
    }

    @Test
    void whatTheDeployedFunctionWritesToTheLakeDoesNotTriggerItAgain() throws Exception {
        SamFunction.S3Trigger trigger = SamFunction.all(CfnTemplate.local()).stream()
                .filter(f -> f.logicalId().equals("LoyaltyEarnFunction"))
                .findFirst()
                .orElseThrow()
                .s3Events()
                .get(0);
        LakeEventsHandler deployed = new LakeEventsHandler(aws.envFor("LoyaltyEarnFunction")); // as Lambda builds it
        String run = Fixtures.id("self");
        String key = "events/dt=2026-11-29/channel=web/" + run + ".ndjson.gz";
        assertTrue(trigger.matches(key), "ingested events notify the function");
        aws.s3()
                .putObject(
                        b -> b.bucket(bucket).key(key),
                        RequestBody.fromBytes(gzip(order(run + "-p", run + "-o", "10.00", "CNY", "web"))));
        Set<String> before = lakeEventKeys();
        assertEquals(
                1L, deployed.handleRequest(S3Events.created(bucket, key), null).get("pointsEarned"));
        Set<String> written = lakeEventKeys();
        written.removeAll(before);
        assertFalse(written.isEmpty(), "the points earned are recorded in the lake");
        for (String k : written) {
            assertFalse(trigger.matches(k), k + " would invoke LoyaltyEarnFunction again");
        }
    }

    private Set<String> lakeEventKeys() {
        Set<String> keys = new TreeSet<>();
        aws.s3()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix("events/"))
                .contents()
                .forEach(o -> keys.add(o.key()));
        return keys;
    }

    static String order(String profileId, String orderId, String total, String currency, String channel) {
        return """
                {"type": "track", "event": "Order Completed", "messageId": "m-%s", "profileId": "%s", "channel": "%s",
                 "timestamp": "2026-11-29T07:00:00Z", "context": {"channel": "%s"},
                 "properties": {"order_id": "%s", "total": %s, "currency": "%s", "products": [{"sku": "S1", "quantity": 1}]}}""".formatted(orderId, profileId, channel, channel, orderId, total, currency)
                .replace("\n", " ");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
