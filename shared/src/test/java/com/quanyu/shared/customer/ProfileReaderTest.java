package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.shared.testing.fakes.CrashPlan;
import com.quanyu.shared.testing.fakes.InMemoryProfileRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read side every function but ingestion uses, on the in-memory repository and on DynamoDB
 * (dynalite): the lookup grammar, merges followed along {@code mergedInto}, forgotten people not
 * found, scores beside the profile's own fields, and a sharded scan that gives each live profile to
 * exactly one shard.
 */
@ExtendWith(AwsStandInsExtension.class)
class ProfileReaderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final StandIns aws;
    private final IdentityRules rules = IdentityRules.defaults();
    private final Identifiers identifiers = Identifiers.with(rules);

    ProfileReaderTest(StandIns aws) {
        this.aws = aws;
    }

    private ProfileRepository repository(String kind) {
        return kind.equals("memory")
                ? new InMemoryProfileRepository(CrashPlan.none())
                : CustomerStores.fromEnv(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3())
                        .profileRepository();
    }

    /** A live person who absorbed another (whose id still resolves), a forgotten one, and scores on the live one. */
    private record People(String live, String absorbed, String forgotten, String email, String userId) {}

    private People store(ProfileRepository repository) {
        String live = ProfileIds.next(NOW);
        String absorbed = ProfileIds.next(NOW);
        String forgotten = ProfileIds.next(NOW);
        String email = "reader." + live + "@example.com";
        String userId = "user-" + absorbed;
        assertTrue(repository.save(profile(live, 1, null), 0));
        assertTrue(repository.save(profile(absorbed, 1, live), 0));
        assertTrue(repository.save(profile(forgotten, 1, null), 0));
        assertTrue(repository.claimLink(identifier(IdentifierType.EMAIL, email), live));
        // The absorbed profile's link still points at it (a merge re-points links later): followed anyway.
        assertTrue(repository.claimLink(identifier(IdentifierType.USER_ID, userId), absorbed));
        repository.forgetLink(
                identifier(IdentifierType.USER_ID, "gone-" + forgotten), forgotten, NOW, NOW.plusSeconds(60));
        assertTrue(repository.writeScores(live, scores("loyal customers")));
        return new People(live, absorbed, forgotten, email, userId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "dynamo"})
    void everyQueryFormReachesTheLiveProfileAndItsScores(String kind) {
        ProfileRepository repository = repository(kind);
        People people = store(repository);
        ProfileReader reader = new ProfileReader(repository, rules);

        for (String query : List.of(
                people.live(),
                people.absorbed(),
                "email:" + people.email(),
                people.email().toUpperCase(java.util.Locale.ROOT),
                "user_id:" + people.userId(),
                people.userId())) {
            assertEquals(Optional.of(people.live()), reader.find(query).map(Profile::profileId), query);
        }
        ScoredProfile scored = reader.findScored(people.absorbed()).orElseThrow();
        assertEquals("loyal customers", scored.storedScores().orElseThrow().segment());
        assertEquals(0.25, scored.scores().propensity7d());
        assertEquals(Map.of("segments", "v7"), scored.scores().models());
        assertEquals(NOW, scored.scores().scoredAt());

        assertTrue(reader.find("user_id:gone-" + people.forgotten()).isEmpty(), "a forgotten identifier finds nobody");
        assertTrue(reader.find("email:nobody." + people.live() + "@example.com").isEmpty());
        assertTrue(reader.find("   ").isEmpty());
        assertTrue(reader.scores(people.forgotten()).isEmpty(), "not scored yet");
    }

    /**
     * Reads per lookup, counted on the in-memory repository: each query form costs the identifier
     * links it names and the profiles on the merge chain; only a bare value that is not an e-mail
     * address is also tried as a profile id (a typed query or an e-mail address cannot be one).
     */
    @Test
    void eachQueryFormReadsOnlyWhatItNames() {
        InMemoryProfileRepository repository = new InMemoryProfileRepository(CrashPlan.none());
        People people = store(repository);
        ProfileReader reader = new ProfileReader(repository, rules);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(people.live(), 1); // the profile
        expected.put(people.absorbed(), 2); // the absorbed profile, then the one it merged into
        expected.put(people.email(), 2); // the e-mail's link, the profile: never tried as a profile id
        expected.put("email:" + people.email(), 2);
        expected.put("user_id:" + people.userId(), 3); // the link, the absorbed profile, the live one
        expected.put(people.userId(), 4); // tried as a profile id first (a bare value may be one), then as above
        expected.put("nobody." + people.live() + "@example.com", 1); // one link, not found
        Map<String, Integer> reads = new LinkedHashMap<>();
        expected.keySet().forEach(query -> {
            int before = repository.reads();
            Optional<Profile> found = reader.find(query);
            reads.put(query, repository.reads() - before);
            assertEquals(!query.startsWith("nobody."), found.isPresent(), query);
        });
        assertEquals(expected, reads);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "dynamo"})
    void scoresAreWrittenOnlyBesideAStoredProfileAndLeaveItsFieldsAlone(String kind) {
        ProfileRepository repository = repository(kind);
        People people = store(repository);
        long version = repository.load(people.live()).orElseThrow().version();

        assertTrue(repository.writeScores(people.live(), scores("champions")));
        assertEquals("champions", repository.scores(people.live()).orElseThrow().segment());
        assertEquals(version, repository.load(people.live()).orElseThrow().version(), "profile untouched");
        assertTrue(repository.save(profile(people.live(), version + 1, null), version));
        assertEquals(
                "champions", repository.scores(people.live()).orElseThrow().segment(), "a profile save keeps scores");

        String unknown = ProfileIds.next(NOW);
        assertFalse(repository.writeScores(unknown, scores("champions")));
        assertTrue(repository.load(unknown).isEmpty(), "no profile is created by scoring");
        repository.deleteProfile(people.live(), NOW);
        assertFalse(repository.writeScores(people.live(), scores("champions")), "a forgotten person is not re-created");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "dynamo"})
    void aShardedScanGivesEveryLiveProfileToExactlyOneShard(String kind) {
        ProfileRepository repository = repository(kind);
        Set<String> mine = new HashSet<>();
        Set<String> absorbed = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            People people = store(repository);
            mine.addAll(List.of(people.live(), people.forgotten()));
            absorbed.add(people.absorbed());
        }
        ProfileReader reader = new ProfileReader(repository, rules);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, ProfileScores> scores = new HashMap<>();
        int shards = 3;
        for (int segment = 0; segment < shards; segment++) {
            reader.forEachLive(segment, shards, p -> {
                seen.merge(p.profile().profileId(), 1, Integer::sum);
                p.storedScores().ifPresent(s -> scores.put(p.profile().profileId(), s));
            });
        }
        for (String id : mine) {
            assertEquals(1, seen.getOrDefault(id, 0), id + " is in exactly one shard");
        }
        absorbed.forEach(id -> assertFalse(seen.containsKey(id), "merged-away profiles are skipped"));
        assertEquals(4, mine.stream().filter(scores::containsKey).count(), "each live person's scores come along");
    }

    private Identifier identifier(IdentifierType type, String raw) {
        return identifiers.identifier(type, raw).orElseThrow();
    }

    private static ProfileScores scores(String segment) {
        return new ProfileScores(segment, "R5F4M4", 13, 0.25, Map.of("segments", "v7"), NOW);
    }

    private static Profile profile(String id, long version, String mergedInto) {
        Profile p = Profile.empty(id);
        return new Profile(
                p.profileId(),
                version,
                p.firstSeenAt(),
                p.lastSeenAt(),
                p.traits(),
                p.identifiers(),
                p.channels(),
                p.counters(),
                p.rfm(),
                p.lastEvents(),
                p.consent(),
                p.recentSessions(),
                p.appliedEvents(),
                p.absorbed(),
                mergedInto);
    }
}
