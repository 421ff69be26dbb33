package com.quanyu.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.lake.store.LakeCompaction;
import com.quanyu.shared.lake.sql.LakeQuery;
import com.quanyu.shared.lake.sql.LakeSql;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every aggregate of the SQL layer gives the same rows from the compaction's Parquet as from the raw
 * NDJSON it replaces (the base relations read Parquet up to the watermark), on a generated lake with
 * orders (store and online, resent, missing quantities, malformed SKUs), page views and cart adds
 * over ten days, business days in Asia/Shanghai.
 */
@ExtendWith(AwsStandInsExtension.class)
class CompactedLakeSqlTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
    private static final LocalDate LAST = LocalDate.parse("2026-11-10");
    private static final Instant END =
            LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant MIDDLE =
            FIRST.plusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant();

    private final StandIns aws;
    private final String bucket = "compacted-sql-test-" + System.nanoTime();

    CompactedLakeSqlTest(StandIns aws) {
        this.aws = aws;
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void everyAggregateReadsTheSameFromParquetAsFromRawEvents(@TempDir Path work) {
        lake(new Random(5));
        Map<String, Map<String, Object>> queries = queries();
        assertEquals(
                LakeQuery.names().stream().sorted().toList(),
                queries.keySet().stream().sorted().toList(),
                "every shipped aggregate");
        try (LakeSql sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, work.resolve("sql")),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("Asia/Shanghai"))) {
            Map<String, List<String>> raw = run(sql, queries);
            new LakeCompaction(
                            aws.s3(),
                            bucket,
                            new DuckDbEngine(aws.s3(), bucket, work.resolve("mirror")),
                            work.resolve("out"),
                            Clock.systemUTC())
                    .run(LAST);
            assertEquals(LAST, CompactionState.watermark(aws.s3(), bucket), "every day is read from Parquet now");
            Map<String, List<String>> compacted = run(sql, queries);
            queries.keySet().forEach(name -> {
                assertFalse(raw.get(name).isEmpty(), name + " has rows on this lake");
                assertEquals(raw.get(name), compacted.get(name), name);
            });
        }
    }

    private static Map<String, Map<String, Object>> queries() {
        Map<String, Object> range = Map.of("from", FIRST, "to", LAST);
        Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
        queries.put("daily_kpis", range);
        queries.put("funnels", range);
        queries.put("daily_demand", range);
        queries.put("rfm_inputs", Map.of("since", LakeSql.ALL_HISTORY, "as_of", END, "sample", LakeSql.EVERYONE));
        queries.put("training_span", Map.of("since", FIRST));
        queries.put(
                "propensity_features",
                Map.of(
                        "since",
                        FIRST,
                        "as_of",
                        MIDDLE,
                        "horizon_end",
                        END,
                        "sample",
                        LakeSql.EVERYONE,
                        "recent_limit",
                        20));
        queries.put("product_interactions", Map.of("since", FIRST, "cutoff", MIDDLE, "sample", LakeSql.EVERYONE));
        queries.put("order_baskets", Map.of("since", FIRST, "sample", LakeSql.EVERYONE));
        queries.put("risk_orders", Map.of("since", FIRST, "sample", LakeSql.EVERYONE));
        return queries;
    }

    /** Each query's rows as text, sorted, with the encoded lists sorted too (their order is the engine's). */
    private static Map<String, List<String>> run(LakeSql sql, Map<String, Map<String, Object>> queries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        queries.forEach((name, params) -> out.put(
                name,
                sql.query(name, params).stream()
                        .map(row -> row.entrySet().stream()
                                .map(e -> e.getKey() + "=" + canonical(e.getValue()))
                                .collect(Collectors.joining(", ")))
                        .sorted()
                        .toList()));
        return out;
    }

    private static String canonical(Object value) {
        if (value instanceof String s && s.indexOf('\u001e') >= 0) {
            return Arrays.stream(s.split("\u001e", -1)).sorted().collect(Collectors.joining("|"));
        }
        return String.valueOf(value);
    }

    private void lake(Random random) {
        List<ObjectNode> lines = new ArrayList<>();
        String[] skus = {"TEA-1", "TEA-2", "CUP-9", "bad sku!"};
        String[] stores = {null, null, "S01", "S02"};
        long span = (LAST.toEpochDay() - FIRST.toEpochDay() + 1) * 86_400;
        for (int i = 0; i < 300; i++) {
            String person = "p" + random.nextInt(40);
            Instant at = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextLong(span));
            String session = person + "-s" + random.nextInt(3);
            lines.add(LakeLines.event(person, "page", null, "web", at.toString(), session));
            if (random.nextBoolean()) {
                lines.add(LakeLines.event(
                        person,
                        "track",
                        "Product Added",
                        "web",
                        at.plusSeconds(60).toString(),
                        session));
            }
            if (random.nextInt(3) == 0) {
                String store = stores[random.nextInt(stores.length)];
                ObjectNode order = LakeLines.order(
                        person,
                        store == null ? "web" : "store",
                        at.plusSeconds(120).toString(),
                        "o-" + i,
                        10 + random.nextInt(100),
                        store,
                        skus[random.nextInt(skus.length)],
                        random.nextInt(6) == 0 ? null : (Object) (double) (1 + random.nextInt(3)),
                        skus[random.nextInt(3)],
                        1);
                lines.add(order);
                if (random.nextInt(8) == 0) {
                    lines.add(order.deepCopy().put("messageId", "resent-" + i));
                }
            }
        }
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        for (int i = 0; i < lines.size(); i += 40) {
            writer.write(lines.subList(i, Math.min(lines.size(), i + 40)));
        }
    }
}
