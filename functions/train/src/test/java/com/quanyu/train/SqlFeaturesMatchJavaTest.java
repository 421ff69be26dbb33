package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.features.SqlTrainingFeatures;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.features.TrainingFeatures.ProductInteraction;
import com.quanyu.train.segments.CustomerValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training feature sets from the SQL layer (DuckDB over the S3 stand-in) equal what a plain count
 * over the fixture's raw lines gives, written here independently of the SQL: the window, propensity
 * rows at three weekly cut-offs (the feature vectors the model reads, and the labels), product
 * interactions, baskets, order-risk inputs and RFM inputs, for everyone and for a hash sample.
 *
 * <p>Until 2026-12-02 the same comparison ran against the training function's Java reader
 * ({@code EventHistory}); it passed, and that reader was removed.
 */
@ExtendWith(AwsStandInsExtension.class)
class SqlFeaturesMatchJavaTest {
    private final StandIns aws;

    SqlFeaturesMatchJavaTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void trainingFeaturesEqualAPlainCountOfTheRawLines(@TempDir Path cache) {
        List<ObjectNode> lines = LakeFixture.lines(60, 5);
        try (FixtureLake lake = FixtureLake.of(aws, lines, cache)) {
            SqlTrainingFeatures everyone = lake.features(1_000);
            assertEquals(PersonSample.all(), everyone.sample());
            assertSame(new Expected(lines, PersonSample.all()), everyone, 30);

            SqlTrainingFeatures sampled = lake.features(25);
            PersonSample sample = sampled.sample();
            assertTrue(sample.fraction() < 0.5, sample.toString());
            assertSame(new Expected(lines, sample), sampled, 8);
        }
    }

    private static void assertSame(Expected expected, TrainingFeatures sql, int minPeople) {
        assertEquals(expected.span(), sql.span());
        Instant last = expected.span().last();
        for (int week = 1; week <= 3; week++) {
            Instant cutoff = last.minus(Duration.ofDays(7L * week)).plusSeconds(3_601);
            Map<String, String> rows = expected.propensity(cutoff);
            assertTrue(rows.size() >= minPeople, "people before the cut-off: " + rows.size());
            Map<String, String> fromSql = new TreeMap<>();
            sql.propensity(cutoff, cutoff.plus(Duration.ofDays(7)))
                    .forEach(e -> fromSql.put(e.profileId(), row(e.snapshot(), e.buys())));
            assertEquals(rows, fromSql, "propensity rows as of " + cutoff);
        }
        Instant cutoff = last.minus(Duration.ofDays(7));
        List<ProductInteraction> interactions = expected.interactions(cutoff);
        assertTrue(interactions.stream().anyMatch(ProductInteraction::takenAfterCutoff));
        assertEquals(interactions, sorted(sql.interactions(cutoff)));
        List<String> baskets = expected.baskets();
        assertTrue(baskets.size() > 10, "multi-product orders: " + baskets.size());
        assertEquals(baskets, baskets(sql.baskets()));
        List<OrderRiskInput> orders = expected.orders();
        assertTrue(orders.size() > 10, "orders: " + orders.size());
        assertTrue(orders.stream().anyMatch(o -> o.ordersLast24h() > 0 || o.customerOrders() > 1));
        assertEquals(orders, byId(sql.orders()));
        Map<String, CustomerValue> rfm = expected.customerValues(last);
        assertTrue(rfm.size() > 3, "buyers: " + rfm.size());
        Map<String, CustomerValue> rfmFromSql = new TreeMap<>();
        sql.customerValues(last).forEach(v -> rfmFromSql.put(v.customerId(), v));
        assertEquals(rfm, rfmFromSql);
    }

    private static String row(ActivitySnapshot snapshot, boolean buys) {
        return Arrays.toString(PropensityFeatures.values(snapshot)) + " buys=" + buys;
    }

    private static List<ProductInteraction> sorted(List<ProductInteraction> list) {
        return list.stream()
                .sorted(Comparator.comparing(ProductInteraction::profileId).thenComparing(ProductInteraction::sku))
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

    /** One raw line, as the fixture writes it. */
    private record Line(
            String profile,
            String type,
            String event,
            String channel,
            Instant at,
            String session,
            JsonNode properties,
            JsonNode context) {
        static Line of(ObjectNode l) {
            return new Line(
                    l.path("profileId").asText(),
                    l.path("type").asText(),
                    l.hasNonNull("event") ? l.get("event").asText() : null,
                    l.path("channel").asText(),
                    Instant.parse(l.path("timestamp").asText()),
                    l.path("context").path("sessionId").asText(),
                    l.path("properties"),
                    l.path("context"));
        }

        boolean order() {
            return "Order Completed".equals(event);
        }

        boolean cartAdd() {
            return "Product Added".equals(event);
        }

        boolean view() {
            return type.equals("page") || "Product Viewed".equals(event);
        }

        /** The products the line names: its own, then every order line's. */
        List<String> skus() {
            List<String> skus = new ArrayList<>();
            if (properties.hasNonNull("sku")) {
                skus.add(properties.get("sku").asText());
            }
            properties.path("products").forEach(p -> skus.add(p.path("sku").asText()));
            return skus;
        }
    }

    /** The expected feature sets: plain loops over each sampled person's lines in time order. */
    private static final class Expected {
        private final Map<String, List<Line>> people = new TreeMap<>();
        private final long events;
        private final long everyone;
        private final Instant first;
        private final Instant last;

        Expected(List<ObjectNode> lines, PersonSample sample) {
            List<Line> all = lines.stream().map(Line::of).toList();
            events = all.size();
            everyone = all.stream().map(Line::profile).distinct().count();
            first = all.stream().map(Line::at).min(Comparator.naturalOrder()).orElseThrow();
            last = all.stream().map(Line::at).max(Comparator.naturalOrder()).orElseThrow();
            for (Line line : all) {
                if (sample.includes(line.profile())) {
                    people.computeIfAbsent(line.profile(), k -> new ArrayList<>())
                            .add(line);
                }
            }
            people.values().forEach(list -> list.sort(Comparator.comparing(Line::at)));
        }

        TrainingFeatures.Span span() {
            return new TrainingFeatures.Span(first, last, events, everyone);
        }

        Map<String, String> propensity(Instant cutoff) {
            Map<String, String> rows = new TreeMap<>();
            people.forEach((profile, lines) -> {
                List<Line> before =
                        lines.stream().filter(l -> l.at().isBefore(cutoff)).toList();
                if (before.isEmpty()) {
                    return;
                }
                Set<String> sessions = new HashSet<>();
                Map<String, Instant> channels = new TreeMap<>();
                long views = 0;
                long carts = 0;
                long orders = 0;
                double revenue = 0;
                Instant lastOrder = null;
                for (Line l : before) {
                    sessions.add(l.session());
                    channels.put(l.channel(), l.at());
                    views += l.type().equals("page") ? 1 : 0;
                    carts += l.cartAdd() ? 1 : 0;
                    if (l.order()) {
                        orders++;
                        revenue += l.properties().path("total").asDouble();
                        lastOrder = l.at();
                    }
                }
                List<ActivitySnapshot.RecentEvent> recent = new ArrayList<>();
                for (int i = before.size() - 1; i >= 0 && recent.size() < ActivitySnapshot.RECENT_LIMIT; i--) {
                    Line l = before.get(i);
                    recent.add(new ActivitySnapshot.RecentEvent(l.type(), l.event(), null, l.channel(), l.at()));
                }
                boolean buys = lines.stream()
                        .anyMatch(l -> l.order()
                                && !l.at().isBefore(cutoff)
                                && l.at().isBefore(cutoff.plus(Duration.ofDays(7))));
                ActivitySnapshot snapshot = new ActivitySnapshot(
                        cutoff,
                        before.get(0).at(),
                        before.get(before.size() - 1).at(),
                        sessions.size(),
                        views,
                        carts,
                        orders,
                        revenue,
                        lastOrder,
                        channels,
                        recent);
                rows.put(profile, row(snapshot, buys));
            });
            return rows;
        }

        List<ProductInteraction> interactions(Instant cutoff) {
            List<ProductInteraction> interactions = new ArrayList<>();
            people.forEach((profile, lines) -> {
                Map<String, long[]> counts = new TreeMap<>();
                for (Line l : lines) {
                    int kind = l.order() ? 2 : l.cartAdd() ? 1 : l.view() ? 0 : -1;
                    for (String sku : kind < 0 ? List.<String>of() : l.skus()) {
                        long[] c = counts.computeIfAbsent(sku, k -> new long[6]);
                        c[3 + kind]++;
                        c[kind] += l.at().isBefore(cutoff) ? 1 : 0;
                    }
                }
                counts.forEach((sku, c) ->
                        interactions.add(new ProductInteraction(profile, sku, c[0], c[1], c[2], c[3], c[4], c[5])));
            });
            return interactions;
        }

        List<String> baskets() {
            return people.values().stream()
                    .flatMap(List::stream)
                    .filter(l -> l.order() && l.skus().size() > 1)
                    .map(l -> l.skus().stream().sorted().toList().toString())
                    .sorted()
                    .toList();
        }

        List<OrderRiskInput> orders() {
            List<OrderRiskInput> orders = new ArrayList<>();
            people.forEach((profile, lines) -> {
                List<Instant> previous = new ArrayList<>();
                for (Line l : lines) {
                    if (!l.order()) {
                        continue;
                    }
                    int units = 0;
                    for (JsonNode p : l.properties().path("products")) {
                        units += Math.max(1, p.path("quantity").asInt(1));
                    }
                    Instant dayBefore = l.at().minus(Duration.ofHours(24));
                    JsonNode p = l.properties();
                    orders.add(new OrderRiskInput(
                            p.path("order_id").asText(),
                            profile,
                            l.channel(),
                            p.path("total").asDouble(),
                            p.path("currency").asText(),
                            Math.max(units, l.skus().size()),
                            l.at(),
                            lines.get(0).at(),
                            (int) previous.stream()
                                    .filter(t -> t.isAfter(dayBefore))
                                    .count(),
                            p.path("payment_failures").asInt(),
                            l.context().path("location").path("country").asText(),
                            p.path("billing_country").asText(),
                            p.path("shipping_country").asText(),
                            previous.size()));
                    previous.add(l.at());
                }
            });
            return byId(orders);
        }

        Map<String, CustomerValue> customerValues(Instant asOf) {
            Map<String, CustomerValue> values = new TreeMap<>();
            people.forEach((profile, lines) -> {
                List<Line> orders = lines.stream()
                        .filter(l -> l.order() && !l.at().isAfter(asOf))
                        .toList();
                if (!orders.isEmpty()) {
                    Instant lastOrder = orders.get(orders.size() - 1).at();
                    values.put(
                            profile,
                            new CustomerValue(
                                    profile,
                                    Duration.between(lastOrder, asOf).toMinutes() / 1440.0,
                                    orders.size(),
                                    orders.stream()
                                            .mapToDouble(l ->
                                                    l.properties().path("total").asDouble())
                                            .sum()));
                }
            });
            return values;
        }
    }
}
