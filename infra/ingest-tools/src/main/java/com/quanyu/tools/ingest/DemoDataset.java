package com.quanyu.tools.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The generator's output: Segment events in time order, each with the channel source that sends it;
 * the ground truth of every person's profile; and every order with its fraud label.
 */
public record DemoDataset(
        DemoConfig config, List<SourcedEvent> events, Map<String, PersonTruth> truth, List<LabeledOrder> orders) {
    public DemoDataset {
        events = List.copyOf(events);
        truth = Map.copyOf(truth);
        orders = List.copyOf(orders);
    }

    /** One event and the source (one per channel: {@code demo-<channel>}) that sends it. */
    public record SourcedEvent(Source source, ObjectNode event) {}

    /**
     * What one person's unified profile must show after all events are ingested.
     *
     * @param identifiers every identifier the person used, as {@code type:raw value} (e.g. {@code email:li@example.com})
     */
    public record PersonTruth(
            String personId,
            List<String> identifiers,
            long events,
            long sessions,
            long pageViews,
            long cartAdds,
            long orders,
            double revenue) {}

    /**
     * An order with its ground-truth label, for the order-risk evaluation.
     *
     * @param pattern the fraud pattern ({@code velocity}, {@code country_mismatch}, {@code new_account_high_value},
     *                {@code payment_failures}) or {@code legit}
     */
    public record LabeledOrder(
            String orderId,
            String personId,
            Instant at,
            String channel,
            double total,
            int items,
            boolean fraud,
            String pattern,
            String ipCountry,
            String billingCountry,
            String shippingCountry,
            int paymentFailures,
            Instant accountCreatedAt) {}

    public long fraudCount() {
        return orders.stream().filter(LabeledOrder::fraud).count();
    }
}
