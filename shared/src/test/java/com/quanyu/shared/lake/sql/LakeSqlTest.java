package com.quanyu.shared.lake.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.LakeLines;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Every shipped aggregate on DuckDB over a small hand-checked lake in the S3 stand-in. */
@ExtendWith(AwsStandInsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LakeSqlTest {
    private final StandIns aws;
    private final String bucket = "lake-sql-test-" + System.nanoTime();
    private LakeSql sql;

    LakeSqlTest(StandIns aws) {
        this.aws = aws;
    }

    @BeforeAll
    void lake(@TempDir Path cache) {
        aws.s3().createBucket(b -> b.bucket(bucket));
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        writer.write(List.of(
                LakeLines.event("p1", "page", null, "web", "2026-11-02T10:00:00Z", "s1"),
                LakeLines.event("p1", "track", "Product Added", "web", "2026-11-02T10:05:00Z", "s1"),
                LakeLines.order("p1", "web", "2026-11-02T10:10:00Z", "o1", 100, null, "A", 2, "B", null),
                LakeLines.event("p1", "screen", null, "app", "2026-11-03T09:00:00Z", "s2"),
                LakeLines.event("p3", "page", null, "web", "2026-11-03T11:00:00Z", "s3")));
        ObjectNode storeOrder = LakeLines.order("p2", "store", "2026-11-03T12:00:00Z", "o2", 50, "S1", "A", 1);
        ObjectNode resent = storeOrder.deepCopy().put("messageId", "resent-o2");
        writer.write(List.of(storeOrder, resent));
        // a bad line between good ones: skipped, the rest of the object still read
        aws.s3()
                .putObject(
                        b -> b.bucket(bucket)
                                .key(LakeLayout.rawPartition(LocalDate.parse("2026-11-03"), "web") + "bad.ndjson.gz"),
                        RequestBody.fromBytes(LakeWriter.gzip("{not json\n"
                                + LakeLines.event("p3", "track", "Product Viewed", "web", "2026-11-03T11:01:00Z", "s3")
                                + "\n")));
        sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC"));
    }

    @AfterAll
    void close() {
        sql.close();
    }

    private static final Map<String, Object> RANGE = Map.of("from", "2026-11-02", "to", "2026-11-03");

    @Test
    void dailyKpisPerChannel() {
        Map<String, Map<String, Object>> rows =
                byKey(sql.query("daily_kpis", RANGE), r -> r.get("day") + "/" + r.get("channel"));
        assertEquals(4, rows.size(), rows.toString());
        Map<String, Object> web1 = rows.get("2026-11-02/web");
        assertEquals(3L, web1.get("events"));
        assertEquals(1L, web1.get("active_customers"));
        assertEquals(1L, web1.get("orders"));
        assertEquals(100.0, web1.get("revenue"));
        assertEquals(1L, web1.get("new_customers"));
        assertEquals(0.0, web1.get("multichannel_share"), "p1 reaches a second channel only the next day");
        Map<String, Object> app2 = rows.get("2026-11-03/app");
        assertEquals(0L, app2.get("new_customers"));
        assertEquals(1L, app2.get("returning_customers"));
        assertEquals(1.0, app2.get("multichannel_share"));
        Map<String, Object> store2 = rows.get("2026-11-03/store");
        assertEquals(1L, store2.get("orders"), "an order resent under another message id counts once");
        assertEquals(50.0, store2.get("revenue"));
        assertEquals(2L, store2.get("events"));
        assertEquals(LocalDate.class, store2.get("day").getClass());
    }

    @Test
    void aWarmEngineSeesNewRewrittenAndDeletedObjects(@TempDir Path cache) {
        String own = "lake-sql-warm-" + System.nanoTime();
        aws.s3().createBucket(b -> b.bucket(own));
        String key = LakeLayout.rawPartition(LocalDate.parse("2026-11-02"), "web") + "a.ndjson.gz";
        java.util.function.Consumer<List<ObjectNode>> put = lines -> aws.s3()
                .putObject(
                        b -> b.bucket(own).key(key),
                        RequestBody.fromBytes(LakeWriter.gzip(
                                lines.stream().map(Object::toString).collect(Collectors.joining("\n", "", "\n")))));
        put.accept(List.of(LakeLines.event("p1", "page", null, "web", "2026-11-02T10:00:00Z", "s1")));
        try (LakeSql warm = new LakeSql(
                new DuckDbEngine(aws.s3(), own, cache),
                () -> CompactionState.watermark(aws.s3(), own),
                ZoneId.of("UTC"))) {
            java.util.function.Supplier<Long> events = () -> warm.query("daily_kpis", RANGE).stream()
                    .mapToLong(r -> (Long) r.get("events"))
                    .sum();
            assertEquals(1L, events.get());
            new LakeWriter(aws.s3(), own, Clock.systemUTC())
                    .write(List.of(LakeLines.event("p2", "page", null, "app", "2026-11-03T10:00:00Z", "s2")));
            assertEquals(2L, events.get(), "a new object is read");
            put.accept(List.of(
                    LakeLines.event("p1", "page", null, "web", "2026-11-02T10:00:00Z", "s1"),
                    LakeLines.event("p1", "page", null, "web", "2026-11-02T10:01:00Z", "s1"),
                    LakeLines.event("p1", "page", null, "web", "2026-11-02T10:02:00Z", "s1")));
            assertEquals(4L, events.get(), "a rewritten object replaces its old lines, never adds to them");
            aws.s3().deleteObject(b -> b.bucket(own).key(key));
            assertEquals(1L, events.get(), "a deleted object's lines are gone");
        }
    }

    @Test
    void withAllowedStalenessStatementsRunOnTheParsedLakeWhileABackgroundRefreshCatchesUp(@TempDir Path cache)
            throws Exception {
        String own = "lake-sql-stale-" + System.nanoTime();
        aws.s3().createBucket(b -> b.bucket(own));
        LakeWriter writer = new LakeWriter(aws.s3(), own, Clock.systemUTC());
        writer.write(List.of(LakeLines.event("p1", "page", null, "web", "2026-11-02T10:00:00Z", "s1")));
        try (LakeSql hourly = new LakeSql(
                        new DuckDbEngine(aws.s3(), own, cache.resolve("hourly"), java.time.Duration.ofHours(1)),
                        () -> CompactionState.watermark(aws.s3(), own),
                        ZoneId.of("UTC"));
                LakeSql quick = new LakeSql(
                        new DuckDbEngine(aws.s3(), own, cache.resolve("quick"), java.time.Duration.ofMillis(200)),
                        () -> CompactionState.watermark(aws.s3(), own),
                        ZoneId.of("UTC"))) {
            assertEquals(1L, events(hourly), "the first statement waits for the lake");
            assertEquals(1L, events(quick));
            writer.write(List.of(LakeLines.event("p2", "page", null, "app", "2026-11-03T10:00:00Z", "s2")));
            assertEquals(1L, events(hourly), "within the allowed staleness no statement lists the bucket");
            long deadline = System.nanoTime() + 20_000_000_000L;
            long seen = 1;
            while (seen != 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                seen = events(quick);
            }
            assertEquals(2L, seen, "past the allowed staleness a background refresh brings the new object in");
        }
    }

    private static long events(LakeSql sql) {
        return sql.query("daily_kpis", RANGE).stream()
                .mapToLong(r -> (Long) r.get("events"))
                .sum();
    }

    @Test
    void webOnDayTwoIncludesTheGoodLineAfterABadOne() {
        Map<String, Map<String, Object>> rows =
                byKey(sql.query("daily_kpis", RANGE), r -> r.get("day") + "/" + r.get("channel"));
        assertEquals(2L, rows.get("2026-11-03/web").get("events"));
    }

    @Test
    void funnelsPerChannelAndAcrossChannelsCountingEachCustomerOnce() {
        Map<String, Map<String, Object>> rows = byKey(sql.query("funnels", RANGE), r -> (String) r.get("channel"));
        assertEquals(List.of(2L, 1L, 1L, 1L), steps(rows.get("web")));
        assertEquals(List.of(1L, 0L, 0L, 0L), steps(rows.get("app")));
        assertEquals(List.of(1L, 1L, 1L, 1L), steps(rows.get("store")), "a till order implies the steps before it");
        assertEquals(List.of(3L, 2L, 2L, 2L), steps(rows.get("all")));
    }

    @Test
    void dailyDemandPerSkuAndLocationCountsEachOrderOnce() {
        List<String> rows = sql.query("daily_demand", RANGE).stream()
                .map(r -> r.get("day") + " " + r.get("sku") + " " + r.get("location") + " " + r.get("units"))
                .toList();
        assertEquals(List.of("2026-11-02 A online 2.0", "2026-11-02 B online 1.0", "2026-11-03 A S1 1.0"), rows);
    }

    @Test
    void dailyDemandUsesTheBusinessTimeZone() {
        try (LakeSql shanghai = new LakeSql(
                new DuckDbEngine(
                        aws.s3(),
                        bucket,
                        Path.of(System.getProperty("java.io.tmpdir"), "lake-sql-test-sh-" + System.nanoTime())),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("America/Los_Angeles"))) {
            List<String> rows =
                    shanghai.query("daily_demand", Map.of("from", "2026-11-01", "to", "2026-11-03")).stream()
                            .map(r -> r.get("day") + " " + r.get("sku"))
                            .toList();
            assertEquals(List.of("2026-11-02 A", "2026-11-02 B", "2026-11-03 A"), rows); // 10:10Z is 02:10 in LA
        }
    }

    @Test
    void rfmInputsAsOfAMoment() {
        Map<String, Map<String, Object>> rows = byKey(
                sql.query(
                        "rfm_inputs",
                        Map.of(
                                "since",
                                LakeSql.ALL_HISTORY,
                                "as_of",
                                "2026-11-04T10:10:00Z",
                                "sample",
                                LakeSql.EVERYONE)),
                r -> (String) r.get("profile_id"));
        assertEquals(2, rows.size());
        assertEquals(1L, rows.get("p1").get("orders"));
        assertEquals(2.0, rows.get("p1").get("recency_days"));
        assertEquals(Instant.parse("2026-11-02T10:10:00Z"), rows.get("p1").get("last_order"));
        assertEquals(2L, rows.get("p2").get("orders"), "as the training job counts: every order event");
        List<Map<String, Object>> sinceTheThird = sql.query(
                "rfm_inputs",
                Map.of("since", "2026-11-03", "as_of", "2026-11-04T10:10:00Z", "sample", LakeSql.EVERYONE));
        assertEquals(
                List.of("p2"),
                sinceTheThird.stream().map(r -> r.get("profile_id")).toList(),
                "p1's order is before the window");
    }

    @Test
    void propensityFeaturesStrictlyBeforeTheCutOff() {
        Map<String, Map<String, Object>> rows =
                byKey(sql.query("propensity_features", everyoneAsOf("2026-11-03T09:00:00Z")), r ->
                        (String) r.get("profile_id"));
        assertEquals(List.of("p1"), List.copyOf(rows.keySet()), "p2 and p3 start later");
        Map<String, Object> p1 = rows.get("p1");
        assertEquals(1L, p1.get("sessions"));
        assertEquals(1L, p1.get("page_views"));
        assertEquals(1L, p1.get("cart_adds"));
        assertEquals(1L, p1.get("orders"));
        assertEquals(1, records(p1.get("channels")), "the app screen at the cut-off is not before it");
        assertEquals(3, records(p1.get("recent")));
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), p1.get("first_seen"));
        int channels = sql.query("propensity_features", everyoneAsOf("2026-11-04T00:00:00Z")).stream()
                .mapToInt(r -> records(r.get("channels")))
                .sum();
        assertEquals(4, channels); // p1 web+app, p2 store, p3 web
    }

    /** Everyone's propensity rows at a cut-off over all history, without a label window. */
    private static Map<String, Object> everyoneAsOf(String asOf) {
        return Map.of(
                "since",
                LakeSql.ALL_HISTORY,
                "as_of",
                asOf,
                "horizon_end",
                asOf,
                "sample",
                LakeSql.EVERYONE,
                "recent_limit",
                20);
    }

    /** The records of one of the propensity rows' encoded columns (joined by chr(30)). */
    private static int records(Object encoded) {
        return encoded == null ? 0 : ((String) encoded).split("\u001e", -1).length;
    }

    @Test
    void parametersAreCheckedBeforeAnyEngineRuns() {
        var missing = assertThrows(
                IllegalArgumentException.class, () -> sql.query("daily_kpis", Map.of("from", "2026-11-02")));
        assertTrue(missing.getMessage().contains("'to'"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> sql.query("daily_kpis", Map.of("from", "x", "to", "2026-11-02")));
        assertThrows(IllegalArgumentException.class, () -> sql.query("no_such_query", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> sql.query("../base/duckdb", Map.of()));
        var injected = sql.statement("daily_kpis", Map.of("from", "2026-11-02", "to", "2026-11-03"));
        assertTrue(injected.contains("DATE '2026-11-02'"));
    }

    private static List<Long> steps(Map<String, Object> row) {
        return List.of((Long) row.get("viewed"), (Long) row.get("carted"), (Long) row.get("checked_out"), (Long)
                row.get("ordered"));
    }

    private static Map<String, Map<String, Object>> byKey(
            List<Map<String, Object>> rows, java.util.function.Function<Map<String, Object>, String> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r, (a, b) -> a, java.util.TreeMap::new));
    }
}
