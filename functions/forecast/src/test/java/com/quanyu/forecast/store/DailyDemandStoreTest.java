package com.quanyu.forecast.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.series.DemandSeries;
import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.OrderEventParser;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** Reads a real gzip NDJSON lake object through the S3 stand-in. */
@ExtendWith(AwsStandInsExtension.class)
class DailyDemandStoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private final StandIns aws;
    private final LakeStore lake;

    DailyDemandStoreTest(StandIns aws) {
        this.aws = aws;
        this.lake = new LakeStore(aws.s3(), aws.envFor("ForecastJobFunction").required("DATA_LAKE_BUCKET"));
    }

    @Test
    void aggregatesAGzipNdjsonPartitionThenServesItFromTheCache() throws IOException {
        String rawKey = "events/dt=2026-11-01/channel=store/fixture.ndjson.gz";
        try (InputStream in = getClass().getResourceAsStream("/lake/orders.ndjson.gz")) {
            byte[] bytes = in.readAllBytes();
            aws.s3().putObject(b -> b.bucket(lake.bucket()).key(rawKey), RequestBody.fromBytes(bytes));
        }
        DailyDemandStore store = new DailyDemandStore(lake, new OrderEventParser(ZoneId.of("Asia/Shanghai")), 2);

        DemandSeriesBuilder first = new DemandSeriesBuilder(DAY, DAY.plusDays(1));
        var stats = store.load(DAY, DAY.plusDays(1), DAY.minusDays(1), first);
        assertEquals(1, stats.malformedLines());
        assertEquals(3, stats.orders(), "the retried order o-2 counts once");
        Map<SeriesKey, double[]> units = units(first.build(Map.of()));
        assertArrayEquals(
                new double[] {2, 1}, units.get(SeriesKey.of("SKU-1", "S01")), "20:00 UTC is the next day in Shanghai");
        assertArrayEquals(new double[] {3, 0}, units.get(SeriesKey.of("SKU-1", "online")));
        assertArrayEquals(new double[] {1, 0}, units.get(SeriesKey.of("SKU-2", "S01")));
        assertTrue(lake.readText(DailyDemandStore.AGGREGATES + "dt=2026-11-01.csv.gz")
                .isPresent());

        // the raw events go away (lifecycle); a partition old enough is read from its aggregate
        aws.s3().deleteObject(b -> b.bucket(lake.bucket()).key(rawKey));
        DemandSeriesBuilder second = new DemandSeriesBuilder(DAY, DAY.plusDays(1));
        var cached = store.load(DAY, DAY.plusDays(1), DAY.plusDays(5), second);
        assertEquals(0, cached.reaggregated());
        assertArrayEquals(new double[] {2, 1}, units(second.build(Map.of())).get(SeriesKey.of("SKU-1", "S01")));
    }

    private static Map<SeriesKey, double[]> units(List<DemandSeries> series) {
        Map<SeriesKey, double[]> out = new java.util.HashMap<>();
        for (DemandSeries s : series) {
            double[] window = s.unitsBetween(DAY, DAY.plusDays(1));
            out.put(s.key(), window);
        }
        return out;
    }
}
