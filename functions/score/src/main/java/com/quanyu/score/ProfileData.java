package com.quanyu.score;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import java.util.Optional;
import java.util.Set;

/** What scoring reads about a person (a port: DynamoDB in production, fixtures in tests). */
public interface ProfileData {
    /** The live profile (following a merge to the profile it went into), or empty when unknown. */
    Optional<Profile> profile(String profileId);

    /** The nightly scores on the profile item, or empty when the job has not scored it yet. */
    Optional<ProfileScores> storedScores(String profileId);

    /** SKUs the person has bought (their recent orders). */
    Set<String> purchasedSkus(Profile profile);
}
