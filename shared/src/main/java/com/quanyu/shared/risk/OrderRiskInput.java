package com.quanyu.shared.risk;

import java.time.Instant;

/**
 * What is known about an order when it is ingested, for risk assessment.
 *
 * @param orderId          the shop's order id
 * @param profileId        the buyer's canonical profile id
 * @param channel          where it was placed (web, app, store, wechat, ...)
 * @param total            order value in {@code currency}
 * @param currency         ISO 4217 code
 * @param itemCount        units in the order
 * @param orderTime        when it was placed
 * @param accountCreatedAt when the buyer's profile was first seen
 * @param ordersLast24h    the buyer's orders in the 24 hours before this one
 * @param paymentFailures  failed payment attempts recorded for the buyer in the last 24 hours
 * @param ipCountry        ISO country of the client IP, or null
 * @param billingCountry   ISO country of the billing address, or null
 * @param shippingCountry  ISO country of the shipping address, or null
 * @param customerOrders   the buyer's completed orders before this one
 */
public record OrderRiskInput(
        String orderId,
        String profileId,
        String channel,
        double total,
        String currency,
        int itemCount,
        Instant orderTime,
        Instant accountCreatedAt,
        int ordersLast24h,
        int paymentFailures,
        String ipCountry,
        String billingCountry,
        String shippingCountry,
        int customerOrders) {}
