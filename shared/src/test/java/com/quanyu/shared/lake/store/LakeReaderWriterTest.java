package com.quanyu.shared.lake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.LakeLines;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class LakeReaderWriterTest {
    private final StandIns aws;
    private final String bucket = "lake-rw-test-" + System.nanoTime();

    LakeReaderWriterTest(StandIns aws) {
        this.aws = aws;
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void writesOneObjectPerPartitionAndReadsEveryLineBack() {
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        List<String> keys = writer.write(List.of(
                LakeLines.event("p1", "page", null, "web", "2026-11-02T23:59:59Z", "s1"),
                LakeLines.event("p1", "page", null, "web", "2026-11-02T10:00:00Z", "s1"),
                LakeLines.event("p2", "screen", null, "app", "2026-11-03T00:00:00Z", "s2")));
        assertEquals(2, keys.size());
        assertTrue(keys.get(0).startsWith("events/dt=2026-11-02/channel=web/"), keys.toString());
        assertTrue(keys.get(1).startsWith("events/dt=2026-11-03/channel=app/"), keys.toString());
        List<ObjectNode> read = new ArrayList<>();
        LakeReader.ReadReport report =
                new LakeReader(aws.s3(), bucket).read(LocalDate.parse("2026-11-03"), null, read::add);
        assertEquals(1, report.objects(), "days before 'from' are not read");
        assertEquals("p2", read.getFirst().get("profileId").asText());
    }

    @Test
    void idempotentWritesOverwriteOneObject() {
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        ObjectNode line = LakeLines.event("p9", "track", "Coupon Redeemed", "store", "2026-10-01T08:00:00Z", null);
        String first = writer.writeIdempotent(line, "campaigns", "coupon:X");
        String second = writer.writeIdempotent(line, "campaigns", "coupon:X");
        assertEquals(first, second);
        assertEquals(
                1,
                aws.s3()
                        .listObjectsV2(b -> b.bucket(bucket).prefix("events/dt=2026-10-01/"))
                        .keyCount());
    }

    @Test
    void aBadLineIsCountedSkippedAndReportedAndTheLinesAfterItAreRead() {
        String text = String.join(
                "\n",
                Json.write(LakeLines.event("a", "page", null, "web", "2026-09-01T00:00:00Z", "s")),
                "{\"cut\": ",
                "[1, 2]",
                "",
                Json.write(LakeLines.event("b", "page", null, "web", "2026-09-01T00:00:01Z", "s")));
        String key = "events/dt=2026-09-01/channel=web/mixed.ndjson.gz";
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(LakeWriter.gzip(text)));
        List<String> people = new ArrayList<>();
        LakeReader.ReadReport report = new LakeReader(aws.s3(), bucket)
                .readObject(key, l -> people.add(l.get("profileId").asText()));
        assertEquals(List.of("a", "b"), people);
        assertEquals(2, report.badLines());
        assertEquals(List.of(key + ":2: not a JSON object", key + ":3: not a JSON object"), report.samples());
    }

    @Test
    void aCorruptGzipTailCountsAsABadObjectAndKeepsTheLinesBeforeIt() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append(Json.write(LakeLines.event("p" + i, "page", null, "web", "2026-09-02T00:00:00Z", "s")))
                    .append('\n');
        }
        byte[] gzip = LakeWriter.gzip(text.toString());
        byte[] cut = Arrays.copyOf(gzip, gzip.length / 2);
        List<ObjectNode> read = new ArrayList<>();
        LakeReader.ReadReport report = LakeReader.readLines(new ByteArrayInputStream(cut), true, "cut.gz", read::add);
        assertEquals(1, report.badObjects());
        assertTrue(read.size() > 100 && read.size() < 2000, "lines before the damage: " + read.size());
    }

    @Test
    void replacingWithNoLinesDeletesTheObject() {
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        String key = writer.write(List.of(LakeLines.event("gone", "page", null, "web", "2026-08-01T00:00:00Z", "s")))
                .getFirst();
        writer.replace(key, List.of());
        assertEquals(
                0,
                aws.s3()
                        .listObjectsV2(b -> b.bucket(bucket).prefix("events/dt=2026-08-01/"))
                        .keyCount());
    }
}
