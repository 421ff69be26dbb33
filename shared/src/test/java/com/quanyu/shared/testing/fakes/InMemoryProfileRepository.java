package com.quanyu.shared.testing.fakes;

import com.quanyu.shared.customer.Identifier;
import com.quanyu.shared.customer.IdentityLink;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.ScoredProfile;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@link ProfileRepository} in memory with the DynamoDB one's conditions (version-checked saves,
 * claim-if-absent links, re-point-if-unchanged), every write numbered by a {@link CrashPlan}.
 */
public final class InMemoryProfileRepository implements ProfileRepository {
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final Map<String, IdentityLink> links = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, ProfileScores> scores = new ConcurrentHashMap<>();
    private final CrashPlan plan;
    private final AtomicInteger reads = new AtomicInteger();

    public InMemoryProfileRepository(CrashPlan plan) {
        this.plan = plan;
    }

    /** How many single-item reads (profile, scores, identity link, tombstone) were made so far. */
    public int reads() {
        return reads.get();
    }

    @Override
    public Optional<Profile> load(String profileId) {
        reads.incrementAndGet();
        return Optional.ofNullable(profiles.get(profileId));
    }

    @Override
    public boolean save(Profile profile, long expectedVersion) {
        return plan.write("profiles.save " + profile.profileId(), () -> {
            synchronized (profiles) {
                Profile stored = profiles.get(profile.profileId());
                if ((stored == null ? 0 : stored.version()) != expectedVersion) {
                    return false;
                }
                profiles.put(profile.profileId(), profile);
                return true;
            }
        });
    }

    @Override
    public Optional<ProfileScores> scores(String profileId) {
        reads.incrementAndGet();
        return Optional.ofNullable(scores.get(profileId));
    }

    @Override
    public boolean writeScores(String profileId, ProfileScores profileScores) {
        return plan.write("profiles.writeScores " + profileId, () -> {
            synchronized (profiles) {
                if (!profiles.containsKey(profileId)) {
                    return false;
                }
                ProfileScores stored = scores.get(profileId);
                if (profileScores.run() != null
                        && stored != null
                        && profileScores.run().equals(stored.run())) {
                    return false;
                }
                scores.put(profileId, profileScores);
                return true;
            }
        });
    }

    /** Shards by the id's hash, as a parallel scan splits by the partition key's. */
    @Override
    public void forEachLive(int segment, int totalSegments, Consumer<ScoredProfile> consumer) {
        profiles.values().stream()
                .filter(p -> !p.isMerged())
                .filter(p -> Math.floorMod(p.profileId().hashCode(), totalSegments) == segment)
                .forEach(p -> consumer.accept(new ScoredProfile(p, scores.get(p.profileId()))));
    }

    @Override
    public Optional<IdentityLink> link(Identifier identifier) {
        reads.incrementAndGet();
        return Optional.ofNullable(links.get(identifier.linkKey()));
    }

    @Override
    public boolean claimLink(Identifier identifier, String profileId) {
        return plan.write(
                "profiles.claimLink " + identifier.linkKey(),
                () -> links.putIfAbsent(identifier.linkKey(), IdentityLink.to(profileId)) == null);
    }

    @Override
    public boolean repointLink(Identifier identifier, String fromProfileId, String toProfileId) {
        return plan.write("profiles.repointLink " + identifier.linkKey(), () -> {
            IdentityLink expected = new IdentityLink(fromProfileId, false);
            return links.replace(identifier.linkKey(), expected, IdentityLink.to(toProfileId));
        });
    }

    @Override
    public void forgetLink(Identifier identifier, String profileId, Instant forgottenAt, Instant expiresAt) {
        plan.write("profiles.forgetLink " + identifier.linkKey(), () -> {
            links.put(identifier.linkKey(), new IdentityLink(profileId, true));
        });
    }

    @Override
    public void deleteProfile(String profileId, Instant deletedAt) {
        plan.write("profiles.tombstone " + profileId, () -> {
            deleted.add(profileId);
        });
        plan.write("profiles.delete " + profileId, () -> {
            profiles.remove(profileId);
            scores.remove(profileId);
        });
    }

    @Override
    public boolean isDeleted(String profileId) {
        reads.incrementAndGet();
        return deleted.contains(profileId);
    }

    /** Every stored profile, merged-away ones included (for assertions). */
    public Map<String, Profile> profiles() {
        return Map.copyOf(profiles);
    }

    /** Every identity link by its key (for assertions). */
    public Map<String, IdentityLink> links() {
        return Map.copyOf(links);
    }
}
