package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.fakes.CrashPlan;
import com.quanyu.shared.testing.fakes.InMemoryProfileRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Two events merge overlapping profiles of one person at the same time: the person was seen as three
 * profiles (one per identifier), and while one event merges its two, the other merges the userId's
 * profile into a third. The interleaving that once left the person split in a clean CI run
 * (FaultInjectionTest) is replayed deterministically: the second writer reads the userId's profile as
 * live, then finds it merged elsewhere when it comes to merge it.
 */
class MergeRaceTest {
    private static final Identifier USER = Identifier.of(IdentifierType.USER_ID, "a".repeat(64));
    private static final Identifier ANON_0 = Identifier.of(IdentifierType.ANONYMOUS_ID, "b".repeat(64));
    private static final Identifier ANON_1 = Identifier.of(IdentifierType.ANONYMOUS_ID, "c".repeat(64));

    @Test
    void aMergeOverlappingAConcurrentOneStillJoinsEveryIdentifier() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-30T08:00:00Z"));
        InterleavingRepository repository = new InterleavingRepository(new InMemoryProfileRepository(CrashPlan.none()));
        IdentityStitcher stitcher = new IdentityStitcher(repository, IdentityRules.defaults(), clock);
        // Three profiles, oldest first: anon-0's, anon-1's, then the userId's (merges go to the older id).
        String anon0Profile = stitcher.resolve(List.of(ANON_0)).profileId();
        clock.advance(Duration.ofSeconds(1));
        String anon1Profile = stitcher.resolve(List.of(ANON_1)).profileId();
        clock.advance(Duration.ofSeconds(1));
        String userProfile = stitcher.resolve(List.of(USER)).profileId();
        assertTrue(anon0Profile.compareTo(anon1Profile) < 0 && anon1Profile.compareTo(userProfile) < 0);

        // [userId, anon-1] reads the userId's profile as live; before it merges it, [userId, anon-0]
        // merges the userId's profile into anon-0's.
        repository.onSecondLoadOf(userProfile, () -> stitcher.resolve(List.of(USER, ANON_0)));
        IdentityStitcher.Resolution resolution = stitcher.resolve(List.of(USER, ANON_1));
        assertTrue(repository.interleaved(), "the concurrent merge ran in between");

        String person = stitcher.root(repository.link(USER).orElseThrow().profileId());
        for (Identifier id : List.of(ANON_0, ANON_1)) {
            assertEquals(person, stitcher.root(repository.link(id).orElseThrow().profileId()), id.type() + " joined");
        }
        assertEquals(person, resolution.profileId(), "the event lands on the one profile");
        assertEquals(List.of(USER, ANON_1), resolution.linked(), "both of the event's identifiers point at it");
    }

    /** Delegates to a repository, running a concurrent writer's step once, just before a chosen read. */
    private static final class InterleavingRepository implements ProfileRepository {
        private final ProfileRepository delegate;
        private String watched;
        private Runnable concurrently;
        private int loadsOfWatched;
        private boolean interleaved;

        InterleavingRepository(ProfileRepository delegate) {
            this.delegate = delegate;
        }

        void onSecondLoadOf(String profileId, Runnable step) {
            this.watched = profileId;
            this.concurrently = step;
        }

        boolean interleaved() {
            return interleaved;
        }

        @Override
        public Optional<Profile> load(String profileId) {
            if (profileId.equals(watched) && !interleaved && ++loadsOfWatched == 2) {
                interleaved = true;
                concurrently.run();
            }
            return delegate.load(profileId);
        }

        @Override
        public boolean save(Profile profile, long expectedVersion) {
            return delegate.save(profile, expectedVersion);
        }

        @Override
        public Map<String, Optional<Profile>> loadAll(Collection<String> profileIds) {
            return delegate.loadAll(profileIds);
        }

        @Override
        public Optional<ProfileScores> scores(String profileId) {
            return delegate.scores(profileId);
        }

        @Override
        public boolean writeScores(String profileId, ProfileScores scores) {
            return delegate.writeScores(profileId, scores);
        }

        @Override
        public void forEachLive(int segment, int totalSegments, Consumer<ScoredProfile> consumer) {
            delegate.forEachLive(segment, totalSegments, consumer);
        }

        @Override
        public Optional<IdentityLink> link(Identifier identifier) {
            return delegate.link(identifier);
        }

        @Override
        public Map<Identifier, IdentityLink> links(Collection<Identifier> identifiers) {
            return delegate.links(identifiers);
        }

        @Override
        public boolean claimLink(Identifier identifier, String profileId) {
            return delegate.claimLink(identifier, profileId);
        }

        @Override
        public boolean repointLink(Identifier identifier, String fromProfileId, String toProfileId) {
            return delegate.repointLink(identifier, fromProfileId, toProfileId);
        }

        @Override
        public void forgetLink(Identifier identifier, String profileId, Instant forgottenAt, Instant expiresAt) {
            delegate.forgetLink(identifier, profileId, forgottenAt, expiresAt);
        }

        @Override
        public void deleteProfile(String profileId, Instant deletedAt) {
            delegate.deleteProfile(profileId, deletedAt);
        }

        @Override
        public boolean isDeleted(String profileId) {
            return delegate.isDeleted(profileId);
        }
    }
}
