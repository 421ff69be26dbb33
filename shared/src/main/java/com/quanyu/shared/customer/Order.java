package com.quanyu.shared.customer;

import com.quanyu.shared.risk.OrderRisk;
import java.time.Instant;
import java.util.List;

/**
 * An order as stored in the orders table ({@code pk="order#<orderId>"}, indexed by profile and time).
 *
 * @param messageKey idempotency key of the event that created it (a retry of that event recognises its own order)
 * @param risk       the risk assessment at ingestion, or null when no scorer was configured
 */
public record Order(
        String orderId,
        String profileId,
        String channel,
        String storeId,
        String status,
        double total,
        String currency,
        List<OrderLine> items,
        Instant createdAt,
        String messageKey,
        OrderRisk risk) {
    public Order {
        items = List.copyOf(items);
    }

    public boolean flagged() {
        return risk != null && risk.flagged();
    }
}
