package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import java.util.HashSet;
import java.util.Set;

/** The generator's ground truth against the stored profiles, shared by the ingestion tests under load. */
final class GroundTruth {
    private GroundTruth() {}

    /**
     * Asserts every person's identifiers resolve to one profile of their own whose counters equal the
     * truth; returns how many of those profiles absorbed a merge.
     */
    static int assertProfilesMatch(DemoDataset data, ProfileStore profiles) {
        int merged = 0;
        Set<String> profileIds = new HashSet<>();
        for (DemoDataset.PersonTruth truth : data.truth().values()) {
            Set<String> resolved = new HashSet<>();
            for (String identifier : truth.identifiers()) {
                resolved.add(
                        profiles.resolve(identifier).map(Profile::profileId).orElse("unresolved " + identifier));
            }
            assertEquals(1, resolved.size(), truth.personId() + " resolves to " + resolved);
            Profile p = profiles.resolve(truth.identifiers().get(0)).orElseThrow();
            assertTrue(profileIds.add(p.profileId()), "two people share profile " + p.profileId());
            merged += p.absorbed().isEmpty() ? 0 : 1;
            String who = truth.personId() + " " + p.profileId();
            assertEquals(truth.events(), p.counters().events(), who + " events");
            assertEquals(truth.sessions(), p.counters().sessions(), who + " sessions");
            assertEquals(truth.pageViews(), p.counters().pageViews(), who + " page views");
            assertEquals(truth.cartAdds(), p.counters().cartAdds(), who + " cart adds");
            assertEquals(truth.orders(), p.counters().orders(), who + " orders");
            assertEquals(truth.orders(), p.rfm().orderCount(), who + " rfm orders");
            assertEquals(truth.revenue(), p.counters().revenue(), 0.005, who + " revenue");
        }
        return merged;
    }
}
