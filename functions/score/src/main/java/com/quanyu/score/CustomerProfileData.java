package com.quanyu.score;

import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderLine;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileReader;
import com.quanyu.shared.customer.ProfileScores;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Profiles, their nightly scores and orders through the customer stores' read side ({@link ProfileReader}). */
final class CustomerProfileData implements ProfileData {
    private static final int RECENT_ORDERS = 50;

    private final ProfileReader profiles;
    private final OrderStore orders;

    CustomerProfileData(ProfileReader profiles, OrderStore orders) {
        this.profiles = profiles;
        this.orders = orders;
    }

    /** Any query of the profile grammar (profile id, {@code email:...}, a bare user id, ...). */
    @Override
    public Optional<Profile> profile(String idOrIdentifier) {
        return profiles.find(idOrIdentifier);
    }

    @Override
    public Optional<ProfileScores> storedScores(String profileId) {
        return profiles.scores(profileId);
    }

    @Override
    public Set<String> purchasedSkus(Profile profile) {
        Set<String> skus = new HashSet<>();
        for (Order order : orders.recentForProfile(profile, RECENT_ORDERS)) {
            for (OrderLine line : order.items()) {
                skus.add(line.sku());
            }
        }
        return skus;
    }
}
