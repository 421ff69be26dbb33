package com.quanyu.shared.customer;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read-only access to live profiles and their scores for every function that is not ingestion
 * (scoring, campaigns, journeys, the console): the {@link ProfileQuery} grammar, identity links, and
 * merges followed one way, along {@code mergedInto} to the profile that absorbed the one asked for.
 * It never writes: finishing a merge that a crashed ingest writer left half done is
 * {@link ProfileStore}'s job; until then the reader answers with the absorbing profile as stored.
 */
public final class ProfileReader {
    /** The same bound as the stitcher's: a longer chain means a corrupt table, not a person. */
    static final int MAX_MERGE_HOPS = 64;

    private final ProfileRepository repository;
    private final Identifiers identifiers;

    public ProfileReader(ProfileRepository repository, IdentityRules rules) {
        this.repository = repository;
        this.identifiers = Identifiers.with(rules);
    }

    /**
     * The live profile a query resolves to ({@link ProfileQuery}; a bare value that is not an e-mail
     * address is also tried as a profile id); empty when unknown or forgotten. Reads: one per
     * identifier link tried and one per profile on the merge chain, plus the direct try of a bare value.
     */
    public Optional<Profile> find(String query) {
        Optional<ProfileQuery> parsed = ProfileQuery.parse(query, identifiers);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        if (parsed.get().profileId() != null) {
            return live(parsed.get().profileId());
        }
        if (parsed.get().bareValue() != null) {
            // A bare value may still be a profile id minted by another system (an import, a test
            // fixture): the profile item is one read, tried before the identifier links. A typed
            // query or an e-mail address cannot be one, so it costs no such read.
            Optional<Profile> direct = live(parsed.get().bareValue());
            if (direct.isPresent()) {
                return direct;
            }
        }
        for (Identifier candidate : parsed.get().candidates()) {
            Optional<IdentityLink> link = repository.link(candidate);
            if (link.isPresent()) {
                return link.get().forgotten()
                        ? Optional.empty()
                        : live(link.get().profileId());
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find}, with the profile's nightly scores. */
    public Optional<ScoredProfile> findScored(String query) {
        return find(query)
                .map(p -> new ScoredProfile(p, repository.scores(p.profileId()).orElse(null)));
    }

    /** The nightly scores of a profile id, or empty before its first scoring. */
    public Optional<ProfileScores> scores(String profileId) {
        return repository.scores(profileId);
    }

    /** Every live profile with its scores, one shard of a parallel scan (a batch job's read). */
    public void forEachLive(int segment, int totalSegments, Consumer<ScoredProfile> consumer) {
        repository.forEachLive(segment, totalSegments, consumer);
    }

    /** Every live profile with its scores. */
    public void forEachLive(Consumer<ScoredProfile> consumer) {
        forEachLive(0, 1, consumer);
    }

    private Optional<Profile> live(String profileId) {
        String current = profileId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            Optional<Profile> profile = repository.load(current);
            if (profile.isEmpty() || !profile.get().isMerged()) {
                return profile;
            }
            current = profile.get().mergedInto();
        }
        throw new IllegalStateException("merge chain longer than " + MAX_MERGE_HOPS + " from " + profileId);
    }
}
