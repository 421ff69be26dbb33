package com.quanyu.campaigns.store;

import com.quanyu.campaigns.audience.ProfileResolver;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import java.util.Optional;

/** Resolution by ingestion's {@link ProfileStore}: the same normalisation and stitching as ingest. */
public final class IngestProfileResolver implements ProfileResolver {
    private final ProfileStore profiles;

    public IngestProfileResolver(ProfileStore profiles) {
        this.profiles = profiles;
    }

    @Override
    public Optional<String> resolve(String query) {
        return profiles.resolve(query).map(Profile::profileId);
    }
}
