package com.quanyu.forecast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.OrderEventParser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL layer's {@code daily_demand} equals what the forecasting job's Java reader
 * ({@link DailyDemandStore}) computes, on a generated lake with the awkward cases: orders near
 * midnight in the business time zone, resent orders, missing quantities, malformed SKUs, zero
 * quantities, store and online orders.
 */
@ExtendWith(AwsStandInsExtension.class)
class SqlDemandMatchesJavaTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-10-20");
    private final StandIns aws;
    private final String bucket = "sql-demand-test-" + System.nanoTime();

    SqlDemandMatchesJavaTest(StandIns aws) {
        this.aws = aws;
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void dailyDemandPerSkuAndLocationIsTheSameInSqlAndJava(@TempDir Path cache) {
        Random random = new Random(11);
        List<ObjectNode> lines = new ArrayList<>();
        String[] skus = {"TEA-1", "TEA-2", "CUP-9", "bad sku!", ""};
        String[] stores = {null, null, "S01", "S02"};
        for (int i = 0; i < 600; i++) {
            Instant at =
                    FROM.atStartOfDay(ZONE).toInstant().minusSeconds(86_400).plusSeconds(random.nextLong(22L * 86_400));
            String store = stores[random.nextInt(stores.length)];
            Object quantity = random.nextInt(8) == 0 ? null : (Object) (double) random.nextInt(4);
            ObjectNode order = LakeLines.order(
                    "p" + random.nextInt(50),
                    store == null ? "web" : "store",
                    at.toString(),
                    "o-" + i,
                    10 + random.nextInt(100),
                    store,
                    skus[random.nextInt(skus.length)],
                    quantity,
                    skus[random.nextInt(3)],
                    1);
            lines.add(order);
            if (random.nextInt(10) == 0) {
                lines.add(order.deepCopy().put("messageId", "resent-" + i));
            }
            if (random.nextInt(3) == 0) {
                lines.add(LakeLines.event("p" + random.nextInt(50), "page", null, "web", at.toString(), "s"));
            }
        }
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        for (int i = 0; i < lines.size(); i += 50) {
            writer.write(lines.subList(i, Math.min(lines.size(), i + 50)));
        }

        DemandSeriesBuilder builder = new DemandSeriesBuilder(FROM, TO);
        new DailyDemandStore(new LakeStore(aws.s3(), bucket), new OrderEventParser(ZONE), 2)
                .load(FROM, TO, FROM.minusDays(5), builder);
        Map<String, Double> java = new TreeMap<>();
        for (DemandSeries series : builder.build(Map.of())) {
            double[] units = series.unitsBetween(FROM, TO.plusDays(1));
            for (int d = 0; d < units.length; d++) {
                if (units[d] != 0) {
                    java.put(
                            FROM.plusDays(d) + " " + series.key().sku() + " "
                                    + series.key().location(),
                            units[d]);
                }
            }
        }

        Map<String, Double> sql = new TreeMap<>();
        try (LakeSql lake = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache), () -> CompactionState.watermark(aws.s3(), bucket), ZONE)) {
            lake.query("daily_demand", Map.of("from", FROM, "to", TO))
                    .forEach(r -> sql.put(
                            r.get("day") + " " + r.get("sku") + " " + r.get("location"), (Double) r.get("units")));
        }
        assertTrue(java.size() > 100, "a fixture with many day x SKU x location cells: " + java.size());
        assertEquals(java, sql);
    }
}
