package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.risk.OrderRiskScorers;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.Provisioner;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.StandIns;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ingest, then rebuild from the lake alone into empty tables: every person's profile comes out the same. */
@ExtendWith(AwsStandInsExtension.class)
class LakeReplayTest {
    private final StandIns aws;

    LakeReplayTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void replayingTheLakeIntoEmptyTablesGivesTheSameProfiles() {
        String run = "r" + UUID.randomUUID().toString().substring(0, 6);
        String lake = "lake-" + run;
        aws.s3().createBucket(b -> b.bucket(lake));
        aws.s3().createBucket(b -> b.bucket(lake + "-scratch"));
        Env original = aws.envFor("IngestFunction").with(Map.of("DATA_LAKE_BUCKET", lake));
        DemoDataset data = DemoData.generate(new DemoConfig(777, 15, LocalDate.of(2026, 11, 1), 20, 0.05));
        CustomerStores source = CustomerStores.fromEnv(original, aws.dynamo(), aws.s3());
        DemoSeeder.seed(source.pipeline(OrderRiskScorers.rulesOnly()), data, 50);

        CfnTemplate empty = CfnTemplate.load(RepoRoot.find().resolve("template.yaml"), Map.of("Stage", run));
        Provisioner.createTables(empty, aws.dynamo());
        Env rebuilt = original.with(Map.of(
                "PROFILES_TABLE", "quanyu-" + run + "-profiles",
                "ORDERS_TABLE", "quanyu-" + run + "-orders",
                "IDEMPOTENCY_TABLE", "quanyu-" + run + "-idempotency",
                "DATA_LAKE_BUCKET", lake + "-scratch"));
        CustomerStores target = CustomerStores.fromEnv(rebuilt, aws.dynamo(), aws.s3());
        LakeReplay.Summary summary =
                LakeReplay.replay(aws.s3(), lake, "events/", target.pipeline(OrderRiskScorers.rulesOnly()), 100);
        assertEquals(data.events().size(), summary.lines());
        assertEquals(data.events().size(), summary.accepted());

        for (DemoDataset.PersonTruth truth : data.truth().values()) {
            Profile before =
                    source.profiles().resolve(truth.identifiers().get(0)).orElseThrow();
            Profile after =
                    target.profiles().resolve(truth.identifiers().get(0)).orElseThrow();
            String who = truth.personId();
            assertEquals(before.counters(), after.counters(), who);
            assertEquals(before.rfm(), after.rfm(), who);
            assertEquals(before.traits(), after.traits(), who);
            assertEquals(before.identifiers(), after.identifiers(), who);
            assertEquals(before.channels(), after.channels(), who);
            assertEquals(before.lastEvents(), after.lastEvents(), who);
            assertEquals(before.firstSeenAt(), after.firstSeenAt(), who);
            assertEquals(before.lastSeenAt(), after.lastSeenAt(), who);
            for (String identifier : truth.identifiers()) {
                assertEquals(
                        after.profileId(),
                        target.profiles().resolve(identifier).orElseThrow().profileId(),
                        who + " " + identifier);
            }
        }
        assertTrue(target.orders().find(data.orders().get(0).orderId()).isPresent());
    }
}
