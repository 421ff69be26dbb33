package com.quanyu.shared.customer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A merge interrupted after its first durable step (the merged-away profile frozen, nothing folded,
 * no link re-pointed) is completed by the next reader or writer, exactly once.
 */
@ExtendWith(AwsStandInsExtension.class)
class MergeRecoveryTest {
    private final CustomerStores stores;
    private final EventPipeline pipeline;

    MergeRecoveryTest(StandIns aws) {
        this.stores = CustomerStores.fromEnv(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3());
        this.pipeline = stores.pipeline(null);
    }

    @Test
    void aFrozenButUnfoldedProfileIsCompletedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Source web = Source.of("recovery", "web");
        pipeline.ingest(
                web,
                List.of(Json.parse(
                        "{\"type\":\"page\",\"anonymousId\":\"one-" + run + "\",\"messageId\":\"1-" + run + "\"}")));
        pipeline.ingest(
                web,
                List.of(
                        Json.parse("{\"type\":\"page\",\"anonymousId\":\"two-" + run + "\",\"messageId\":\"2-" + run
                                + "\"}"),
                        Json.parse("{\"type\":\"page\",\"anonymousId\":\"two-" + run + "\",\"messageId\":\"3-" + run
                                + "\"}")));
        Profile one = stores.profiles().resolve("anonymous_id:one-" + run).orElseThrow();
        Profile two = stores.profiles().resolve("anonymous_id:two-" + run).orElseThrow();
        Profile older = one.profileId().compareTo(two.profileId()) < 0 ? one : two;
        Profile newer = older == one ? two : one;

        // Simulate a writer that crashed right after freezing: mergedInto set, nothing else done.
        ProfileRepository repository = stores.profileRepository();
        Profile frozen = new Profile(
                newer.profileId(),
                newer.version() + 1,
                newer.firstSeenAt(),
                newer.lastSeenAt(),
                newer.traits(),
                newer.identifiers(),
                newer.channels(),
                newer.counters(),
                newer.rfm(),
                newer.lastEvents(),
                newer.consent(),
                newer.recentSessions(),
                newer.appliedEvents(),
                newer.absorbed(),
                older.profileId());
        assertTrue(repository.save(frozen, newer.version()));

        // Reading through the stale link completes the merge...
        Profile viaStaleLink = stores.profiles()
                .resolve("anonymous_id:" + (newer == two ? "two-" : "one-") + run)
                .orElseThrow();
        assertEquals(older.profileId(), viaStaleLink.profileId());
        assertEquals(3, viaStaleLink.counters().pageViews());
        // ...once: more readers and a writer do not fold it again.
        stores.profiles().resolve(newer.profileId());
        pipeline.ingest(
                web,
                List.of(Json.parse("{\"type\":\"page\",\"anonymousId\":\"" + (newer == two ? "two-" : "one-") + run
                        + "\",\"messageId\":\"4-" + run + "\"}")));
        Profile after = stores.profiles().resolve(older.profileId()).orElseThrow();
        assertEquals(4, after.counters().pageViews());
        assertEquals(4, after.counters().events());
    }
}
