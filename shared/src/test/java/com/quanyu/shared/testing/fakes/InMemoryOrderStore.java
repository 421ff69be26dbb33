package com.quanyu.shared.testing.fakes;

import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link OrderStore} in memory: create-if-absent by order id, a review queue, writes numbered by a {@link CrashPlan}. */
public final class InMemoryOrderStore implements OrderStore {
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Order> flagged = new ConcurrentHashMap<>();
    private final CrashPlan plan;

    public InMemoryOrderStore(CrashPlan plan) {
        this.plan = plan;
    }

    @Override
    public boolean create(Order order) {
        return plan.write("orders.create " + order.orderId(), () -> orders.putIfAbsent(order.orderId(), order) == null);
    }

    @Override
    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public List<Order> recentForProfile(String profileId, int limit) {
        return orders.values().stream()
                .filter(o -> o.profileId().equals(profileId))
                .sorted(Comparator.comparing(Order::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public int countForProfile(String profileId, Instant from, Instant to) {
        return (int) orders.values().stream()
                .filter(o -> o.profileId().equals(profileId))
                .filter(o -> !o.createdAt().isBefore(from) && o.createdAt().isBefore(to))
                .count();
    }

    @Override
    public void flagForReview(Order order) {
        plan.write("orders.flag " + order.orderId(), () -> {
            flagged.put(order.orderId(), order);
        });
    }

    @Override
    public List<Order> flaggedOrders(int limit) {
        return flagged.values().stream()
                .sorted(Comparator.comparing(Order::createdAt).reversed())
                .limit(limit)
                .toList();
    }
}
