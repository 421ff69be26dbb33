package com.quanyu.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.lake.store.LakeCompaction;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.ErasureRequests;
import com.quanyu.shared.lake.store.LakeReader;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.LakeLines;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The erasure reaches the whole lake: after the compaction that follows {@code DELETE /v1/profiles},
 * no raw or Parquet object holds the person's identifiers, and every other person's events are all
 * still there, in raw NDJSON and in Parquet.
 */
@ExtendWith(AwsStandInsExtension.class)
class LakeCompactionErasureTest {
    private static final LocalDate D1 = LocalDate.parse("2026-11-02");
    private static final LocalDate D2 = LocalDate.parse("2026-11-03");
    private static final LocalDate D3 = LocalDate.parse("2026-11-04");

    private final StandIns aws;
    private final String bucket = "lake-erasure-test-" + System.nanoTime();

    LakeCompactionErasureTest(StandIns aws) {
        this.aws = aws;
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void anErasedPersonLeavesNoTraceInAnyLakeObjectAndNobodyElseLosesAnEvent(@TempDir Path work) throws Exception {
        String alice = "pa-" + UUID.randomUUID();
        String aliceBeforeMerge = "pa-old-" + UUID.randomUUID();
        String email = "alice-" + UUID.randomUUID() + "@example.com";
        String bob = "pb-" + UUID.randomUUID();
        String carol = "pc-" + UUID.randomUUID();
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        ObjectNode aliceIdentify = LakeLines.event(alice, "identify", null, "web", "2026-11-02T09:00:00Z", "s-a");
        aliceIdentify.putObject("traits").put("email", email);
        writer.write(List.of(
                aliceIdentify,
                LakeLines.event(bob, "page", null, "web", "2026-11-02T09:30:00Z", "s-b"),
                LakeLines.order(alice, "web", "2026-11-02T10:00:00Z", "o-a1", 80, null, "A", 1),
                LakeLines.order(bob, "web", "2026-11-02T11:00:00Z", "o-b1", 20, null, "B", 1)));
        writer.write(List.of(
                LakeLines.event(aliceBeforeMerge, "screen", null, "app", "2026-11-03T08:00:00Z", "s-a0"),
                LakeLines.event(carol, "screen", null, "app", "2026-11-03T08:30:00Z", "s-c"),
                LakeLines.order(carol, "store", "2026-11-03T12:00:00Z", "o-c1", 35, "S1", "C", 2)));
        writer.write(List.of(
                LakeLines.event(alice, "page", null, "web", "2026-11-04T07:00:00Z", "s-a2"),
                LakeLines.event(bob, "page", null, "web", "2026-11-04T07:10:00Z", "s-b2")));
        // a malformed line that still names her: erasure goes by the text too
        aws.s3()
                .putObject(
                        b -> b.bucket(bucket).key(LakeLayout.rawPartition(D2, "web") + "broken.ndjson.gz"),
                        RequestBody.fromBytes(LakeWriter.gzip("{\"profileId\": \"" + alice + "\", \"cut\n"
                                + Json.write(LakeLines.event(carol, "page", null, "web", "2026-11-03T09:00:00Z", "s-c"))
                                + "\n")));

        Map<String, Set<String>> before = messageIdsByProfile();
        LakeCompaction compaction = new LakeCompaction(
                aws.s3(),
                bucket,
                new DuckDbEngine(aws.s3(), bucket, work.resolve("mirror")),
                work.resolve("out"),
                Clock.systemUTC());
        var first = compaction.run(D2);
        assertEquals(List.of(D1, D2), first.daysCompacted());
        assertTrue(
                objectText(LakeLayout.compactedObject(D1, "web"), work).contains(alice),
                "she is in the Parquet before the erasure");

        new ErasureRequests(aws.s3(), bucket)
                .record(alice, Set.of(alice, aliceBeforeMerge), Json.object(), Instant.now());
        var second = compaction.run(D3);

        assertEquals(1, second.erasureRequests());
        assertEquals(5, second.linesErased(), "four events and the malformed line");
        assertTrue(second.daysCompacted().containsAll(List.of(D1, D2, D3)), "changed days are compacted again");
        for (S3Object object :
                aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            String text = objectText(object.key(), work);
            for (String identifier : List.of(alice, aliceBeforeMerge, email)) {
                assertFalse(text.contains(identifier), object.key() + " still holds " + identifier);
            }
        }

        Map<String, Set<String>> after = messageIdsByProfile();
        assertEquals(before.get(bob), after.get(bob));
        assertEquals(before.get(carol), after.get(carol));
        assertFalse(after.containsKey(alice) || after.containsKey(aliceBeforeMerge));
        assertEquals(Set.of(bob, carol), after.keySet());

        // the SQL layer (Parquet up to the watermark, raw after it) sees every other event and none of hers
        assertEquals(D3, CompactionState.watermark(aws.s3(), bucket));
        try (LakeSql sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, work.resolve("sql")),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC"))) {
            // each person's events before the cut-off, as the propensity rows list them (every one: the
            // recent-events limit is above any person's count here)
            Map<String, Long> events = new TreeMap<>();
            sql.query(
                            "propensity_features",
                            Map.of(
                                    "since",
                                    LakeSql.ALL_HISTORY,
                                    "as_of",
                                    "2026-11-05T00:00:00Z",
                                    "horizon_end",
                                    "2026-11-05T00:00:00Z",
                                    "sample",
                                    LakeSql.EVERYONE,
                                    "recent_limit",
                                    10_000))
                    .forEach(r -> events.put((String) r.get("profile_id"), (long)
                            ((String) r.get("recent")).split("\u001e", -1).length));
            assertEquals(
                    Map.of(bob, (long) before.get(bob).size(), carol, (long)
                            before.get(carol).size()),
                    events);
        }
    }

    private Map<String, Set<String>> messageIdsByProfile() {
        Map<String, Set<String>> ids = new TreeMap<>();
        new LakeReader(aws.s3(), bucket)
                .read(
                        null,
                        null,
                        line -> ids.computeIfAbsent(line.path("profileId").asText(), k -> new TreeSet<>())
                                .add(line.path("messageId").asText()));
        return ids;
    }

    /** An object's content as text: gunzipped NDJSON, every value of every Parquet row, or the bytes. */
    private String objectText(String key, Path work) throws Exception {
        byte[] bytes = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        if (key.endsWith(".gz")) {
            return LakeReader.gunzip(bytes);
        }
        if (!key.endsWith(".parquet")) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        Path file = Files.createTempFile(work, "check", ".parquet");
        Files.write(file, bytes);
        StringBuilder text = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> row = new ArrayList<>();
            while (rs.next()) {
                row.clear();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getObject(i)));
                }
                text.append(String.join("|", row)).append('\n');
            }
        }
        return text.toString();
    }
}
