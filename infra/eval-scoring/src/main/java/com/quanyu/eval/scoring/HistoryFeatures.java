package com.quanyu.eval.scoring;

import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.segments.CustomerValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The training feature sets counted in Java from a history held whole in memory: how the training
 * function computed them before the lake's SQL layer did ({@code TrainBench}'s {@code java} path, the
 * baseline of the re-timing; the function itself no longer has this path), for the people of a sample.
 */
public final class HistoryFeatures implements TrainingFeatures {
    private final EventHistory history;
    private final PersonSample sample;
    private final String source;
    private final Map<String, List<LakeEvent>> people = new TreeMap<>();

    public HistoryFeatures(EventHistory history, PersonSample sample, String source) {
        this.history = history;
        this.sample = sample;
        this.source = source;
        history.all().forEach((profile, events) -> {
            if (sample.includes(profile)) {
                people.put(profile, events);
            }
        });
    }

    @Override
    public Span span() {
        return new Span(history.first(), history.last(), history.eventCount(), history.profileCount());
    }

    @Override
    public List<PropensityExample> propensity(Instant cutoff, Instant horizonEnd) {
        List<PropensityExample> examples = new ArrayList<>();
        people.forEach((profile, events) -> {
            if (!events.isEmpty() && events.get(0).at().isBefore(cutoff)) {
                examples.add(new PropensityExample(
                        profile,
                        EventHistory.snapshot(events, cutoff),
                        EventHistory.orderedBetween(events, cutoff, horizonEnd)));
            }
        });
        return examples;
    }

    @Override
    public List<ProductInteraction> interactions(Instant cutoff) {
        List<ProductInteraction> interactions = new ArrayList<>();
        people.forEach((profile, events) -> {
            Map<String, long[]> counts = new TreeMap<>();
            for (LakeEvent e : events) {
                int kind = e.isOrder() ? 2 : e.isCartAdd() ? 1 : e.isView() ? 0 : -1;
                if (kind < 0) {
                    continue;
                }
                for (String sku : e.skus()) {
                    long[] c = counts.computeIfAbsent(sku, k -> new long[6]);
                    c[3 + kind]++;
                    if (e.at().isBefore(cutoff)) {
                        c[kind]++;
                    }
                }
            }
            counts.forEach((sku, c) ->
                    interactions.add(new ProductInteraction(profile, sku, c[0], c[1], c[2], c[3], c[4], c[5])));
        });
        return interactions;
    }

    @Override
    public List<List<String>> baskets() {
        List<List<String>> baskets = new ArrayList<>();
        people.values()
                .forEach(events -> events.stream()
                        .filter(LakeEvent::isOrder)
                        .filter(e -> e.skus().size() > 1)
                        .forEach(e -> baskets.add(e.skus())));
        return baskets;
    }

    @Override
    public List<OrderRiskInput> orders() {
        List<OrderRiskInput> orders = new ArrayList<>();
        people.forEach((profile, events) -> {
            Instant firstSeen = events.isEmpty() ? null : events.get(0).at();
            List<Instant> previous = new ArrayList<>();
            for (LakeEvent e : events) {
                if (!e.isOrder()) {
                    continue;
                }
                if (e.orderId() != null) {
                    Instant dayBefore = e.at().minus(Duration.ofHours(24));
                    int last24h = (int)
                            previous.stream().filter(t -> t.isAfter(dayBefore)).count();
                    orders.add(new OrderRiskInput(
                            e.orderId(),
                            profile,
                            e.channel(),
                            e.orderTotal(),
                            e.currency(),
                            e.units(),
                            e.at(),
                            firstSeen,
                            last24h,
                            e.paymentFailures(),
                            e.ipCountry(),
                            e.billingCountry(),
                            e.shippingCountry(),
                            previous.size()));
                }
                previous.add(e.at());
            }
        });
        orders.sort(Comparator.comparing(OrderRiskInput::orderTime).thenComparing(OrderRiskInput::orderId));
        return orders;
    }

    @Override
    public List<CustomerValue> customerValues(Instant asOf) {
        List<CustomerValue> values = new ArrayList<>();
        people.forEach((profile, events) -> customerValue(profile, events, asOf).ifPresent(values::add));
        return values;
    }

    static Optional<CustomerValue> customerValue(String profile, List<LakeEvent> events, Instant asOf) {
        long orders = 0;
        double spend = 0;
        Instant last = null;
        for (LakeEvent e : events) {
            if (e.isOrder() && !e.at().isAfter(asOf)) {
                orders++;
                spend += e.orderTotal();
                last = e.at();
            }
        }
        return orders == 0
                ? Optional.empty()
                : Optional.of(
                        new CustomerValue(profile, Duration.between(last, asOf).toMinutes() / 1440.0, orders, spend));
    }

    @Override
    public String description() {
        return source;
    }
}
