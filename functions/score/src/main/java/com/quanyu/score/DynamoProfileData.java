package com.quanyu.score;

import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderLine;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileStore;
import com.quanyu.shared.ml.ProfileScores;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Profiles (resolved by any identifier), stored scores and orders from the ingest team's stores and the profile item's {@code scores}. */
final class DynamoProfileData implements ProfileData {
    private static final int MAX_MERGE_HOPS = 5;
    private static final int RECENT_ORDERS = 50;

    private final ProfileRepository repository;
    private final ProfileStore profiles;
    private final OrderStore orders;
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoProfileData(
            ProfileRepository repository,
            ProfileStore profiles,
            OrderStore orders,
            DynamoDbClient dynamo,
            String table) {
        this.repository = repository;
        this.profiles = profiles;
        this.orders = orders;
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Profile> profile(String idOrIdentifier) {
        Optional<Profile> profile = repository.load(idOrIdentifier);
        for (int hop = 0;
                hop < MAX_MERGE_HOPS && profile.isPresent() && profile.get().isMerged();
                hop++) {
            profile = repository.load(profile.get().mergedInto());
        }
        // Not a profile id: any identifier resolves, as on the ingest admin routes
        // ("email:...", "phone:...", or a bare userId, email or phone).
        return profile.isPresent() ? profile : profiles.resolve(idOrIdentifier);
    }

    @Override
    public Optional<ProfileScores> storedScores(String profileId) {
        return ProfileScores.load(dynamo, table, profileId);
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
