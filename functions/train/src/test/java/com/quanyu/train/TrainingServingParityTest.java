package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.features.TrainingFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training rebuilds from the lake (through the SQL layer) what serving reads from the profile: the
 * two must give the same propensity features; and an order's risk inputs are read as ingestion saw them.
 */
@ExtendWith(AwsStandInsExtension.class)
class TrainingServingParityTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    private final StandIns aws;

    TrainingServingParityTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void lakeFeaturesMatchTheProfileTheSameEventsProduceAndOrdersKeepTheirRiskFields(@TempDir Path cache) {
        ObjectNode order = LakeFixture.event("p", "track", "Order Completed", null, T.plusSeconds(60), "s2", "app");
        order.with("properties")
                .put("order_id", "o")
                .put("total", 50)
                .put("currency", "CNY")
                .put("billing_country", "CN")
                .put("payment_failures", 2);
        var products = order.with("properties").putArray("products");
        products.addObject().put("sku", "a").put("quantity", 2);
        products.addObject().put("sku", "b");
        order.with("context").putObject("location").put("country", "JP");
        List<ObjectNode> lines = List.of(
                LakeFixture.event("p", "page", null, null, T, "s1", "web"),
                LakeFixture.event("p", "track", "Product Added", "a", T.plusSeconds(5), "s1", "web"),
                order,
                LakeFixture.event("p", "page", null, null, T.plus(Duration.ofDays(3)), "s3", "app"));
        Instant asOf = T.plus(Duration.ofDays(5));
        try (FixtureLake lake = FixtureLake.of(aws, lines, cache)) {
            TrainingFeatures features = lake.features(1_000);
            List<TrainingFeatures.PropensityExample> rows = features.propensity(asOf, asOf.plus(Duration.ofDays(7)));
            assertEquals(1, rows.size());
            ActivitySnapshot fromLake = rows.get(0).snapshot();

            Profile profile = new Profile(
                    "p",
                    4,
                    T,
                    T.plus(Duration.ofDays(3)),
                    Map.of(),
                    Map.of(),
                    Map.of(
                            "web",
                            new Profile.ChannelActivity(T, T.plusSeconds(5)),
                            "app",
                            new Profile.ChannelActivity(T.plusSeconds(60), T.plus(Duration.ofDays(3)))),
                    new Profile.Counters(4, 3, 2, 1, 1, 50),
                    new Profile.Rfm(T.plusSeconds(60), T.plusSeconds(60), 1, 50),
                    List.of(
                            new Profile.EventSummary("page", null, null, "app", T.plus(Duration.ofDays(3))),
                            new Profile.EventSummary("track", "Order Completed", "a", "app", T.plusSeconds(60)),
                            new Profile.EventSummary("track", "Product Added", "a", "web", T.plusSeconds(5)),
                            new Profile.EventSummary("page", null, null, "web", T)),
                    Map.of(),
                    List.of(),
                    Map.of(),
                    Set.of(),
                    null);
            ActivitySnapshot fromProfile = ActivitySnapshot.fromProfile(profile, asOf);
            assertArrayEquals(PropensityFeatures.values(fromProfile), PropensityFeatures.values(fromLake), 1e-12);

            double[] v = PropensityFeatures.values(fromLake);
            assertEquals(Math.log1p(2), v[PropensityFeatures.NAMES.indexOf("log_days_since_seen")], 1e-9);
            assertEquals(1, v[PropensityFeatures.NAMES.indexOf("has_ordered")]);
            assertEquals(0, v[PropensityFeatures.NAMES.indexOf("open_cart")], "the cart add was followed by an order");
            assertEquals(2, v[PropensityFeatures.NAMES.indexOf("channels_30d")]);
            assertEquals(1, v[PropensityFeatures.NAMES.indexOf("channel_app_30d")]);
            assertEquals(Math.log1p(3), v[PropensityFeatures.NAMES.indexOf("log_sessions")], 1e-9);

            // units: 2 + 1 (a line without quantity counts one); IP country, failures as sent
            assertEquals(
                    List.of(new OrderRiskInput(
                            "o", "p", "app", 50, "CNY", 3, T.plusSeconds(60), T, 0, 2, "JP", "CN", null, 0)),
                    features.orders());
        }
    }
}
