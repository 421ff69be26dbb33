package com.quanyu.chatbot.actions;

import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import java.util.List;
import java.util.Optional;

/** Profiles and orders as the ingestion stored them (shared customer domain). */
public final class CustomerData {
    private final ProfileStore profiles;
    private final OrderStore orders;

    public CustomerData(ProfileStore profiles, OrderStore orders) {
        this.profiles = profiles;
        this.orders = orders;
    }

    public Optional<Profile> profile(String profileId) {
        return profileId == null ? Optional.empty() : profiles.resolve(profileId);
    }

    /** The order with this id as typed, or in lower case (extraction upper-cases codes). */
    public Optional<Order> order(String orderId) {
        return orders.find(orderId).or(() -> orders.find(orderId.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<Order> latestOrder(Profile profile) {
        return orders.recentForProfile(profile, 1).stream().findFirst();
    }

    public List<Order> recentOrders(Profile profile, int limit) {
        return orders.recentForProfile(profile, limit);
    }

    /** Whether the order was placed by this person (under any profile merged into theirs). */
    public boolean owns(Profile profile, Order order) {
        if (profile.allProfileIds().contains(order.profileId())) {
            return true;
        }
        return profiles.resolve(order.profileId())
                .map(p -> p.profileId().equals(profile.profileId()))
                .orElse(false);
    }
}
