package com.quanyu.shared.customer;

import java.util.List;

/**
 * What an {@code Order Completed} event says about the order, including the risk signals a client
 * may send ({@code payment_failures}, {@code billing_country}, {@code shipping_country}, and the
 * client's country from {@code context.location.country}).
 */
public record OrderFacts(
        String orderId,
        double total,
        String currency,
        String storeId,
        List<OrderLine> lines,
        int paymentFailures,
        String ipCountry,
        String billingCountry,
        String shippingCountry) {
    public OrderFacts {
        lines = List.copyOf(lines);
    }

    public int units() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
