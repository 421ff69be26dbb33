package com.quanyu.shared.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingestion's access to unified profiles by any identifier ({@link ProfileQuery}), consent, and the
 * right to be forgotten. Obtain one with {@code CustomerStores.fromEnv(env).profiles()}.
 *
 * <p>A merged-away profile id resolves to the profile it was merged into, finishing the merge on the
 * way if a crashed writer left it half done (so a lookup here may write). Other functions read
 * through the write-free {@link ProfileReader}.
 */
public final class ProfileStore {
    /** How long identifiers of a forgotten person keep late events from re-creating them. */
    public static final Duration FORGET_SUPPRESSION = Duration.ofDays(30);

    private final ProfileRepository repository;
    private final Identifiers identifiers;
    private final IdentityStitcher stitcher;
    private final Clock clock;

    public ProfileStore(ProfileRepository repository, IdentityRules rules) {
        this(repository, rules, Clock.systemUTC());
    }

    public ProfileStore(ProfileRepository repository, IdentityRules rules, Clock clock) {
        this.repository = repository;
        this.identifiers = Identifiers.with(rules);
        this.stitcher = new IdentityStitcher(repository, rules, clock);
        this.clock = clock;
    }

    /** The outcome of a lookup. */
    public record Lookup(Status status, Profile profile) {
        /** Whether the person is known, unknown or was forgotten. */
        public enum Status {
            FOUND,
            NOT_FOUND,
            FORGOTTEN
        }

        static Lookup notFound() {
            return new Lookup(Status.NOT_FOUND, null);
        }
    }

    /** The live profile a query resolves to. */
    public Optional<Profile> resolve(String query) {
        return Optional.ofNullable(lookup(query).profile());
    }

    /** The live profile of an identifier. */
    public Optional<Profile> resolve(IdentifierType type, String rawValue) {
        return identifiers.identifier(type, rawValue).map(this::lookup).map(Lookup::profile);
    }

    /** Like {@link #resolve(String)}, telling unknown from forgotten. */
    public Lookup lookup(String query) {
        Optional<ProfileQuery> parsed = ProfileQuery.parse(query, identifiers);
        if (parsed.isEmpty()) {
            return Lookup.notFound();
        }
        String profileId = parsed.get().profileId();
        if (profileId != null) {
            return repository.isDeleted(profileId) ? new Lookup(Lookup.Status.FORGOTTEN, null) : live(profileId);
        }
        for (Identifier candidate : parsed.get().candidates()) {
            Lookup found = lookup(candidate);
            if (found.status() != Lookup.Status.NOT_FOUND) {
                return found;
            }
        }
        return Lookup.notFound();
    }

    private Lookup lookup(Identifier identifier) {
        return repository
                .link(identifier)
                .map(link -> link.forgotten() ? new Lookup(Lookup.Status.FORGOTTEN, null) : live(link.profileId()))
                .orElse(Lookup.notFound());
    }

    private Lookup live(String profileId) {
        String root = stitcher.root(profileId);
        return repository
                .load(root)
                .map(p -> new Lookup(Lookup.Status.FOUND, p))
                .orElse(Lookup.notFound());
    }

    /**
     * Records a consent statement on the live profile a query resolves to (latest statement wins, as
     * when an event states it), with the optimistic lock every profile writer uses.
     *
     * @return the updated profile; empty when the query matches no live profile
     */
    public Optional<Profile> recordConsent(String query, String category, Profile.ConsentValue value) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Profile> found = resolve(query);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Profile p = found.get();
            java.util.Map<String, Profile.ConsentValue> consent = new java.util.TreeMap<>(p.consent());
            consent.merge(category, value, Profile.ConsentValue::latest);
            Profile updated = new Profile(
                    p.profileId(),
                    p.version() + 1,
                    p.firstSeenAt(),
                    p.lastSeenAt(),
                    p.traits(),
                    p.identifiers(),
                    p.channels(),
                    p.counters(),
                    p.rfm(),
                    p.lastEvents(),
                    consent,
                    p.recentSessions(),
                    p.appliedEvents(),
                    p.absorbed(),
                    p.mergedInto());
            if (repository.save(updated, p.version())) {
                return Optional.of(updated);
            }
        }
        throw new IllegalStateException("profile " + query + " kept changing; consent not recorded, retry");
    }

    /**
     * Forgets a person: every identifier link becomes a tombstone (late events carrying them are
     * dropped for {@link #FORGET_SUPPRESSION}), then the profile and all profiles merged into it are
     * replaced by tombstones. Returns the erased profile so that callers can erase data they keep
     * elsewhere (conversations, lake objects); empty when the query matches no live profile.
     */
    public Optional<Profile> forget(String query) {
        Optional<Profile> found = resolve(query);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Profile profile = found.get();
        Instant now = clock.instant();
        List<Identifier> all = new ArrayList<>(profile.identifierList());
        for (String absorbedId : profile.absorbed()) {
            repository.load(absorbedId).ifPresent(p -> all.addAll(p.identifierList()));
        }
        for (Identifier id : all) {
            repository.forgetLink(id, profile.profileId(), now, now.plus(FORGET_SUPPRESSION));
        }
        for (String id : profile.allProfileIds()) {
            repository.deleteProfile(id, now);
        }
        return Optional.of(profile);
    }
}
