package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.data.EventHistory;
import com.quanyu.train.data.HistoryFeatures;
import com.quanyu.train.data.LakeEvent;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.features.SqlTrainingFeatures;
import com.quanyu.train.features.TrainingFeatures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training feature sets from the SQL layer (DuckDB over the S3 stand-in) equal those the Java
 * reader computes from the same lake read whole ({@link HistoryFeatures} over {@link EventHistory}):
 * the window, propensity rows at three cut-offs, product interactions, baskets, order-risk inputs
 * and RFM inputs, for everyone and for a hash sample of people.
 */
@ExtendWith(AwsStandInsExtension.class)
class SqlFeaturesMatchJavaTest {
    private final StandIns aws;
    private final String bucket = "sql-features-test-" + System.nanoTime();

    SqlFeaturesMatchJavaTest(StandIns aws) {
        this.aws = aws;
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void trainingFeaturesAreTheSameInSqlAndJava(@TempDir Path cache) {
        List<ObjectNode> lines = LakeFixture.lines(60, 5);
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        for (int i = 0; i < lines.size(); i += 200) {
            writer.write(lines.subList(i, Math.min(lines.size(), i + 200)));
        }
        List<LakeEvent> events = new ArrayList<>();
        lines.forEach(l -> LakeEvent.parse(l).ifPresent(events::add));
        EventHistory history = EventHistory.of(events);
        LocalDate since = LocalDate.of(2020, 1, 1);

        try (LakeSql sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC"))) {
            SqlTrainingFeatures everyone = new SqlTrainingFeatures(sql, since, 1_000, "lake");
            assertEquals(PersonSample.all(), everyone.sample());
            assertSame(new HistoryFeatures(history, PersonSample.all(), "java"), everyone, 30);

            SqlTrainingFeatures sampled = new SqlTrainingFeatures(sql, since, 25, "lake");
            PersonSample sample = sampled.sample();
            assertTrue(sample.fraction() < 0.5, sample.toString());
            assertSame(new HistoryFeatures(history, sample, "java"), sampled, 8);
        }
    }

    private static void assertSame(TrainingFeatures java, TrainingFeatures sql, int minPeople) {
        assertEquals(java.span(), sql.span());
        Instant last = java.span().last();
        for (int week = 1; week <= 3; week++) {
            Instant cutoff = last.minus(Duration.ofDays(7L * week)).plusSeconds(3_601);
            Map<String, String> javaRows = propensity(java, cutoff);
            assertTrue(javaRows.size() >= minPeople, "people before the cut-off: " + javaRows.size());
            assertEquals(javaRows, propensity(sql, cutoff), "propensity rows as of " + cutoff);
        }
        Instant cutoff = last.minus(Duration.ofDays(7));
        assertEquals(sorted(java.interactions(cutoff)), sorted(sql.interactions(cutoff)));
        assertTrue(java.interactions(cutoff).stream().anyMatch(i -> i.takenAfterCutoff()));
        assertEquals(baskets(java.baskets()), baskets(sql.baskets()));
        assertTrue(
                java.baskets().size() > 10,
                "multi-product orders: " + java.baskets().size());
        List<OrderRiskInput> javaOrders = byId(java.orders());
        assertTrue(javaOrders.size() > 10, "orders: " + javaOrders.size());
        assertTrue(javaOrders.stream().anyMatch(o -> o.ordersLast24h() > 0 || o.customerOrders() > 1));
        assertEquals(javaOrders, byId(sql.orders()));
        Map<String, Object> javaRfm = new TreeMap<>();
        java.customerValues(last).forEach(v -> javaRfm.put(v.customerId(), v));
        Map<String, Object> sqlRfm = new TreeMap<>();
        sql.customerValues(last).forEach(v -> sqlRfm.put(v.customerId(), v));
        assertTrue(javaRfm.size() > 3, "buyers: " + javaRfm.size());
        assertEquals(javaRfm, sqlRfm);
    }

    /** Each person's feature vector (what the model reads) and label. */
    private static Map<String, String> propensity(TrainingFeatures features, Instant cutoff) {
        Map<String, String> rows = new TreeMap<>();
        features.propensity(cutoff, cutoff.plus(Duration.ofDays(7)))
                .forEach(e -> rows.put(
                        e.profileId(), Arrays.toString(PropensityFeatures.values(e.snapshot())) + " buys=" + e.buys()));
        return rows;
    }

    private static List<TrainingFeatures.ProductInteraction> sorted(List<TrainingFeatures.ProductInteraction> list) {
        return list.stream()
                .sorted(Comparator.comparing(TrainingFeatures.ProductInteraction::profileId)
                        .thenComparing(TrainingFeatures.ProductInteraction::sku))
                .toList();
    }

    private static List<String> baskets(List<List<String>> baskets) {
        return baskets.stream()
                .map(b -> b.stream().sorted().toList().toString())
                .sorted()
                .toList();
    }

    private static List<OrderRiskInput> byId(List<OrderRiskInput> orders) {
        return orders.stream()
                .sorted(Comparator.comparing(OrderRiskInput::orderId))
                .toList();
    }
}
