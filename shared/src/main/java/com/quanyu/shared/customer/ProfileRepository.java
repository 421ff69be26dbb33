package com.quanyu.shared.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Storage port for profiles and identity links: single-item reads and conditional writes only
 * (the DynamoDB stand-in has no transactions), which the stitching protocol is built on.
 */
public interface ProfileRepository {
    /** The stored profile (strongly consistent read), merged-away ones included. */
    Optional<Profile> load(String profileId);

    /**
     * Writes {@code profile} if the stored version is still {@code expectedVersion} (0: none stored yet).
     * Only the profile's own attributes are written; others on the item (such as {@code scores}) are kept.
     *
     * @return false when another writer got there first
     */
    boolean save(Profile profile, long expectedVersion);

    /** Several stored profiles at once (strongly consistent), every id a key: empty when none is stored. */
    default Map<String, Optional<Profile>> loadAll(Collection<String> profileIds) {
        Map<String, Optional<Profile>> profiles = new java.util.LinkedHashMap<>();
        profileIds.forEach(id -> profiles.put(id, load(id)));
        return profiles;
    }

    /** The profile's nightly scores (eventually consistent: they change once a night). */
    Optional<ProfileScores> scores(String profileId);

    /**
     * Sets the profile's scores, leaving its own fields alone, only if the profile is stored (a
     * person forgotten since the job read the lake is not re-created).
     *
     * @return false when no profile item exists
     */
    boolean writeScores(String profileId, ProfileScores scores);

    // A ProfileScores with a run is written only if the stored scores are not that run's already
    // (a repeated scoring shard writes nothing twice); false then, as for a missing profile.

    /**
     * Every live (not merged-away) profile with its scores, in no particular order, restricted to
     * one of {@code totalSegments} disjoint shards so that batch jobs can read in parallel.
     */
    void forEachLive(int segment, int totalSegments, java.util.function.Consumer<ScoredProfile> consumer);

    Optional<IdentityLink> link(Identifier identifier);

    /** The links of several identifiers at once; identifiers without a link are absent from the map. */
    default Map<Identifier, IdentityLink> links(Collection<Identifier> identifiers) {
        Map<Identifier, IdentityLink> links = new java.util.LinkedHashMap<>();
        identifiers.forEach(id -> link(id).ifPresent(l -> links.put(id, l)));
        return links;
    }

    /** Links {@code identifier} to {@code profileId} only if it has no link yet; false when it has one. */
    boolean claimLink(Identifier identifier, String profileId);

    /** Re-points a link from one profile to another, only if it still points at {@code fromProfileId}. */
    boolean repointLink(Identifier identifier, String fromProfileId, String toProfileId);

    /** Replaces the link with a tombstone that expires at {@code expiresAt}. */
    void forgetLink(Identifier identifier, String profileId, Instant forgottenAt, Instant expiresAt);

    /** Records that a profile was deleted, then deletes its item. */
    void deleteProfile(String profileId, Instant deletedAt);

    boolean isDeleted(String profileId);

    /** The ids among {@code profileIds} that were deleted (strongly consistent), read at once where the store can. */
    default java.util.Set<String> deletedAmong(Collection<String> profileIds) {
        java.util.Set<String> deleted = new java.util.HashSet<>();
        profileIds.forEach(id -> {
            if (isDeleted(id)) {
                deleted.add(id);
            }
        });
        return deleted;
    }
}
