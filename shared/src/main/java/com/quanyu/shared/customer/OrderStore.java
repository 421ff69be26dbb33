package com.quanyu.shared.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Orders by id and by buyer. Implemented over the orders table by
 * {@code com.quanyu.shared.customer.store.DynamoOrderStore}.
 */
public interface OrderStore {
    /** Stores a new order; false (and nothing written) when an order with that id exists. */
    boolean create(Order order);

    Optional<Order> find(String orderId);

    /** The newest {@code limit} orders placed under exactly this profile id, newest first. */
    List<Order> recentForProfile(String profileId, int limit);

    /** Orders under this profile id placed in [from, to). */
    int countForProfile(String profileId, Instant from, Instant to);

    /** Puts a flagged order on the review queue (idempotent). */
    void flagForReview(Order order);

    /** Flagged orders, newest first. */
    List<Order> flaggedOrders(int limit);

    /** The newest orders of a person: their profile and every profile merged into it. */
    default List<Order> recentForProfile(Profile profile, int limit) {
        List<Order> all = new ArrayList<>();
        for (String id : profile.allProfileIds()) {
            all.addAll(recentForProfile(id, limit));
        }
        all.sort(Comparator.comparing(Order::createdAt).reversed());
        return all.size() <= limit ? all : all.subList(0, limit);
    }
}
