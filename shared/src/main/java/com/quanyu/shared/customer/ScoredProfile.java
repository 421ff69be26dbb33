package com.quanyu.shared.customer;

import java.util.Optional;

/**
 * A live profile as readers see it: the profile's own fields and, once the nightly job has scored
 * it, its {@link ProfileScores}.
 *
 * @param profile the live (not merged-away) profile
 * @param scores  its scores, or null before its first scoring
 */
public record ScoredProfile(Profile profile, ProfileScores scores) {
    /** The scores, when the profile has been scored. */
    public Optional<ProfileScores> storedScores() {
        return Optional.ofNullable(scores);
    }
}
