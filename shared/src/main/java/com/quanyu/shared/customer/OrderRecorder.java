package com.quanyu.shared.customer;

import com.quanyu.shared.risk.OrderRisk;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.risk.OrderRiskScorer;
import java.time.Duration;
import java.util.Optional;

/**
 * Records the order of an {@code Order Completed} event once per order id, with its risk assessment,
 * and decides whether this event is the one that counts the order in the buyer's profile.
 */
final class OrderRecorder {
    static final String COMPLETED = "completed";

    private final OrderStore orders;
    private final OrderRiskScorer scorer;

    OrderRecorder(OrderStore orders, OrderRiskScorer scorer) {
        this.orders = orders;
        this.scorer = scorer;
    }

    /** True when the order is (or, on a retry, was) created by this event and so counts in the profile. */
    boolean record(CustomerEvent event, Profile buyer) {
        OrderFacts facts = event.order();
        Optional<Order> existing = orders.find(facts.orderId());
        if (existing.isEmpty()) {
            OrderRisk risk = scorer == null ? null : scorer.assess(riskInput(event, buyer));
            Order order = new Order(
                    facts.orderId(),
                    buyer.profileId(),
                    event.channel(),
                    facts.storeId().isEmpty() ? null : facts.storeId(),
                    COMPLETED,
                    facts.total(),
                    facts.currency(),
                    facts.lines(),
                    event.timestamp(),
                    event.messageKey(),
                    risk);
            if (orders.create(order)) {
                existing = Optional.of(order);
            } else {
                existing = orders.find(facts.orderId());
            }
        }
        Order order =
                existing.orElseThrow(() -> new IngestUnavailableException("order " + facts.orderId() + " vanished"));
        boolean ours = order.messageKey().equals(event.messageKey());
        if (ours && order.flagged()) {
            orders.flagForReview(order);
        }
        return ours;
    }

    private OrderRiskInput riskInput(CustomerEvent event, Profile buyer) {
        OrderFacts facts = event.order();
        int recent = 0;
        for (String id : buyer.allProfileIds()) {
            recent += orders.countForProfile(id, event.timestamp().minus(Duration.ofHours(24)), event.timestamp());
        }
        return new OrderRiskInput(
                facts.orderId(),
                buyer.profileId(),
                event.channel(),
                facts.total(),
                facts.currency(),
                facts.units(),
                event.timestamp(),
                buyer.firstSeenAt() == null ? event.timestamp() : buyer.firstSeenAt(),
                recent,
                facts.paymentFailures(),
                facts.ipCountry(),
                facts.billingCountry(),
                facts.shippingCountry(),
                (int) buyer.rfm().orderCount());
    }
}
