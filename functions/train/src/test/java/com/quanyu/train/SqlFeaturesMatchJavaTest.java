package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.data.EventHistory;
import com.quanyu.train.data.LakeEvent;
import com.quanyu.train.segments.CustomerValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL layer's training features, channel activity and RFM inputs equal what the training job's
 * Java reader computes ({@link EventHistory#snapshot}, {@link TrainingJob#customerValue}) on a
 * generated lake.
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
    void featuresAndRfmInputsAreTheSameInSqlAndJava(@TempDir Path cache) {
        List<ObjectNode> lines = LakeFixture.lines(60, 5);
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        for (int i = 0; i < lines.size(); i += 200) {
            writer.write(lines.subList(i, Math.min(lines.size(), i + 200)));
        }
        List<LakeEvent> events = new ArrayList<>();
        lines.forEach(l -> LakeEvent.parse(l).ifPresent(events::add));
        EventHistory history = EventHistory.of(events);
        Instant cutOff = LakeFixture.END.minus(Duration.ofDays(9)).plusSeconds(3_601);

        try (LakeSql sql = new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC"))) {
            Map<String, String> javaFeatures = new TreeMap<>();
            for (String profile : history.profileIds()) {
                ActivitySnapshot s = EventHistory.snapshot(history.events(profile), cutOff);
                if (s.firstSeen() != null) {
                    javaFeatures.put(
                            profile,
                            String.join(
                                    " ",
                                    String.valueOf(s.firstSeen()),
                                    String.valueOf(s.lastSeen()),
                                    String.valueOf(s.sessions()),
                                    String.valueOf(s.pageViews()),
                                    String.valueOf(s.cartAdds()),
                                    String.valueOf(s.orders()),
                                    String.valueOf(s.revenue()),
                                    String.valueOf(s.lastOrderAt()),
                                    String.valueOf(s.channelLastSeen())));
                }
            }
            Map<String, Map<String, Instant>> channels = new TreeMap<>();
            sql.query("channel_activity", Map.of("as_of", cutOff))
                    .forEach(r -> channels.computeIfAbsent((String) r.get("profile_id"), k -> new TreeMap<>())
                            .put((String) r.get("channel"), (Instant) r.get("last_seen")));
            Map<String, String> sqlFeatures = new TreeMap<>();
            for (var r : sql.query("training_features", Map.of("as_of", cutOff))) {
                String profile = (String) r.get("profile_id");
                sqlFeatures.put(
                        profile,
                        String.join(
                                " ",
                                String.valueOf(r.get("first_seen")),
                                String.valueOf(r.get("last_seen")),
                                String.valueOf(r.get("sessions")),
                                String.valueOf(r.get("page_views")),
                                String.valueOf(r.get("cart_adds")),
                                String.valueOf(r.get("orders")),
                                String.valueOf(r.get("revenue")),
                                String.valueOf(r.get("last_order")),
                                String.valueOf(channels.getOrDefault(profile, Map.of()))));
            }
            assertTrue(javaFeatures.size() > 40, "people active before the cut-off: " + javaFeatures.size());
            assertEquals(javaFeatures, sqlFeatures);

            Instant asOf = history.last();
            Map<String, String> javaRfm = new TreeMap<>();
            history.all()
                    .forEach((profile, list) -> TrainingJob.customerValue(profile, list, asOf)
                            .ifPresent(v -> javaRfm.put(profile, rfm(v))));
            Map<String, String> sqlRfm = new TreeMap<>();
            sql.query("rfm_inputs", Map.of("as_of", asOf))
                    .forEach(r -> sqlRfm.put(
                            (String) r.get("profile_id"),
                            rfm(new CustomerValue(
                                    (String) r.get("profile_id"),
                                    (Double) r.get("recency_days"),
                                    (Long) r.get("orders"),
                                    (Double) r.get("revenue")))));
            assertTrue(javaRfm.size() > 10, "buyers: " + javaRfm.size());
            assertEquals(javaRfm, sqlRfm);
        }
    }

    private static String rfm(CustomerValue v) {
        return v.recencyDays() + " " + v.frequency() + " " + v.monetary();
    }
}
