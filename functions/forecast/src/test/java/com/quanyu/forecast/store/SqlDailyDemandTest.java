package com.quanyu.forecast.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.DemandReference;
import com.quanyu.shared.testing.LakeLines;
import com.quanyu.shared.testing.StandIns;
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

/**
 * The forecasting job's demand input as the job reads it: lake objects written by the lake's writer
 * into the S3 stand-in, {@code daily_demand} run by the engine the job's environment names (DuckDB
 * over the stand-in here, as in the local runtime), rows placed by {@link SqlDailyDemand} into the
 * series builder. Every day x SKU x location must equal the tests' own count
 * ({@link DemandReference}), on a lake with the awkward cases: orders near midnight in the business
 * time zone, resent orders, missing and zero quantities, malformed and empty SKUs, store and online
 * orders, page views between them, and orders just outside the window.
 */
@ExtendWith(AwsStandInsExtension.class)
class SqlDailyDemandTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.parse("2026-10-01");
    private static final LocalDate TO = LocalDate.parse("2026-10-20");
    private static final String[] VALID_SKUS = {"TEA-1", "TEA-2", "CUP-9"};
    private static final String[] LOCATIONS = {"online", "S01", "S02"};

    private final StandIns aws;
    private final Env env;
    private final String bucket;

    SqlDailyDemandTest(StandIns aws) {
        this.aws = aws;
        // the job's environment, on a lake of this test's own
        this.bucket = "sql-demand-test-" + System.nanoTime();
        aws.s3().createBucket(b -> b.bucket(bucket));
        this.env = aws.envFor("ForecastJobFunction").with(Map.of("DATA_LAKE_BUCKET", bucket));
    }

    @Test
    void dailyDemandPerSkuAndLocationAsTheJobReadsIt() {
        List<JsonNode> lines = lake(new Random(11));

        Map<String, Double> read = new TreeMap<>();
        int rows;
        try (LakeSql sql = LakeSqlEngines.fromEnv(env, aws.s3())) {
            DemandSeriesBuilder builder = new DemandSeriesBuilder(FROM, TO);
            rows = new SqlDailyDemand(sql, ZONE).load(FROM, TO, builder);
            for (DemandSeries series : builder.build(Map.of())) {
                double[] units = series.unitsBetween(FROM, TO.plusDays(1));
                for (int d = 0; d < units.length; d++) {
                    if (units[d] != 0) {
                        read.put(
                                cell(
                                        FROM.plusDays(d),
                                        series.key().sku(),
                                        series.key().location()),
                                units[d]);
                    }
                }
            }
        }

        Map<String, Double> expected = new TreeMap<>();
        for (String sku : VALID_SKUS) {
            for (String location : LOCATIONS) {
                DemandReference.unitsSold(lines, sku, location, ZONE).forEach((day, units) -> {
                    if (!day.isBefore(FROM) && !day.isAfter(TO) && units != 0) {
                        expected.put(cell(day, sku, location), units);
                    }
                });
            }
        }
        assertTrue(expected.size() > 100, "a fixture with many day x SKU x location cells: " + expected.size());
        assertEquals(expected, read, "malformed SKUs and days outside the window are not demand");
        assertEquals(expected.size(), rows, "one row per cell with sales");
    }

    /** Writes the fixture through the lake's writer (S3 stand-in) and returns its lines. */
    private List<JsonNode> lake(Random random) {
        List<ObjectNode> lines = new ArrayList<>();
        String[] skus = {VALID_SKUS[0], VALID_SKUS[1], VALID_SKUS[2], "bad sku!", ""};
        String[] stores = {null, null, "S01", "S02"};
        for (int i = 0; i < 600; i++) {
            // from a day before the window to a day after it, at any hour: business days cross UTC midnight
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
        return List.copyOf(lines);
    }

    private static String cell(LocalDate day, String sku, String location) {
        return day + " " + sku + " " + location;
    }
}
