package com.quanyu.shared.customer;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ProfileRepository} for one batch of buffered events: the links, profiles and tombstones
 * the batch needs are read up front in a few multi-item reads (BatchGetItem in DynamoDB) instead of
 * one read per event, and later reads are answered from what was read or written since.
 *
 * <p>Safe because every write of the stitching protocol is conditional: a cached value that another
 * writer changed meanwhile makes the next conditional write fail, which drops the affected entries
 * here, so the caller's retry reads the store again.
 */
final class BatchReadCache implements ProfileRepository {
    private final ProfileRepository store;
    // Optional.empty() values remember that the store holds nothing under the key.
    private final Map<Identifier, Optional<IdentityLink>> links = new ConcurrentHashMap<>();
    private final Map<String, Optional<Profile>> profiles = new ConcurrentHashMap<>();
    private final Map<String, Boolean> deleted = new ConcurrentHashMap<>();

    private BatchReadCache(ProfileRepository store) {
        this.store = store;
    }

    /** Reads the links of {@code identifiers}, then the profiles (and tombstones) they point at. */
    static BatchReadCache prefetch(ProfileRepository store, Collection<Identifier> identifiers) {
        BatchReadCache cache = new BatchReadCache(store);
        Set<Identifier> distinct = new LinkedHashSet<>(identifiers);
        Map<Identifier, IdentityLink> found = store.links(distinct);
        distinct.forEach(id -> cache.links.put(id, Optional.ofNullable(found.get(id))));
        Set<String> profileIds = new LinkedHashSet<>();
        found.values().stream().filter(l -> !l.forgotten()).forEach(l -> profileIds.add(l.profileId()));
        cache.profiles.putAll(store.loadAll(profileIds));
        profileIds.stream()
                .filter(id -> cache.profiles.get(id).isEmpty())
                .forEach(id -> cache.deleted.put(id, store.isDeleted(id)));
        return cache;
    }

    @Override
    public Optional<Profile> load(String profileId) {
        return profiles.computeIfAbsent(profileId, store::load);
    }

    @Override
    public boolean save(Profile profile, long expectedVersion) {
        if (store.save(profile, expectedVersion)) {
            profiles.put(profile.profileId(), Optional.of(profile));
            return true;
        }
        profiles.remove(profile.profileId());
        deleted.remove(profile.profileId());
        return false;
    }

    // Scores are not part of an ingest batch's work: straight to the store.
    @Override
    public Optional<ProfileScores> scores(String profileId) {
        return store.scores(profileId);
    }

    @Override
    public boolean writeScores(String profileId, ProfileScores scores) {
        return store.writeScores(profileId, scores);
    }

    @Override
    public void forEachLive(int segment, int totalSegments, java.util.function.Consumer<ScoredProfile> consumer) {
        store.forEachLive(segment, totalSegments, consumer);
    }

    @Override
    public Optional<IdentityLink> link(Identifier identifier) {
        return links.computeIfAbsent(identifier, store::link);
    }

    @Override
    public Map<Identifier, IdentityLink> links(Collection<Identifier> identifiers) {
        List<Identifier> missing =
                identifiers.stream().filter(id -> !links.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<Identifier, IdentityLink> found = store.links(missing);
            missing.forEach(id -> links.put(id, Optional.ofNullable(found.get(id))));
        }
        Map<Identifier, IdentityLink> result = new LinkedHashMap<>();
        identifiers.forEach(id -> links.getOrDefault(id, Optional.empty()).ifPresent(l -> result.put(id, l)));
        return result;
    }

    @Override
    public boolean claimLink(Identifier identifier, String profileId) {
        if (store.claimLink(identifier, profileId)) {
            links.put(identifier, Optional.of(new IdentityLink(profileId, false)));
            return true;
        }
        links.remove(identifier);
        return false;
    }

    @Override
    public boolean repointLink(Identifier identifier, String fromProfileId, String toProfileId) {
        if (store.repointLink(identifier, fromProfileId, toProfileId)) {
            links.put(identifier, Optional.of(new IdentityLink(toProfileId, false)));
            return true;
        }
        links.remove(identifier);
        return false;
    }

    @Override
    public void forgetLink(Identifier identifier, String profileId, Instant forgottenAt, Instant expiresAt) {
        links.remove(identifier);
        store.forgetLink(identifier, profileId, forgottenAt, expiresAt);
    }

    @Override
    public void deleteProfile(String profileId, Instant deletedAt) {
        profiles.remove(profileId);
        deleted.remove(profileId);
        store.deleteProfile(profileId, deletedAt);
    }

    @Override
    public boolean isDeleted(String profileId) {
        return deleted.computeIfAbsent(profileId, store::isDeleted);
    }

    /**
     * Reads the tombstones of profiles not stored yet (the batch's new people) at once, so that the
     * check before each one's first write costs no read of its own.
     */
    void prefetchTombstones(Collection<String> profileIds) {
        List<String> unknown = profileIds.stream()
                .filter(id -> !deleted.containsKey(id))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            Set<String> found = store.deletedAmong(unknown);
            unknown.forEach(id -> deleted.put(id, found.contains(id)));
        }
    }
}
