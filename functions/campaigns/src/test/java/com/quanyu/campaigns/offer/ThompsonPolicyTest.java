package com.quanyu.campaigns.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThompsonPolicyTest {
    private final ThompsonPolicy policy = new ThompsonPolicy(10, 0.05);

    @Test
    void learnsTheBestOfferInAContextFromSimulatedConversions() {
        double[] truth = {0.02, 0.06, 0.10};
        long[] shown = new long[3];
        long[] redeemed = new long[3];
        SplittableRandom random = new SplittableRandom(7);
        int best = 0;
        for (int t = 0; t < 5000; t++) {
            List<ThompsonPolicy.Arm> arms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ArmStats stats = new ArmStats(shown[i], redeemed[i]);
                arms.add(new ThompsonPolicy.Arm("c" + i, stats, stats));
            }
            int chosen = Integer.parseInt(
                    policy.choose(arms, random).orElseThrow().campaignId().substring(1));
            shown[chosen]++;
            if (random.nextDouble() < truth[chosen]) {
                redeemed[chosen]++;
            }
            if (t >= 4000 && chosen == 2) {
                best++;
            }
        }
        assertTrue(best > 800, "the 10 % offer wins most of the last 1000 decisions: " + best);
        assertTrue(shown[0] < 700, "the 2 % offer is dropped quickly: " + shown[0]);
    }

    @Test
    void explorationIsBoundedByTheGapToTheBestMean() {
        // a well-known good arm and an unknown one whose prior mean is far lower
        ThompsonPolicy tight = new ThompsonPolicy(10, 0.01);
        List<ThompsonPolicy.Arm> arms = List.of(
                new ThompsonPolicy.Arm("known", new ArmStats(10_000, 2_000), new ArmStats(10_000, 2_000)),
                new ThompsonPolicy.Arm("new", ArmStats.NONE, new ArmStats(0, 0)));
        SplittableRandom random = new SplittableRandom(1);
        int bounded = 0;
        for (int i = 0; i < 2000; i++) {
            ThompsonPolicy.Choice choice = tight.choose(arms, random).orElseThrow();
            double gap = ThompsonPolicy.mean(tight.posterior(arms.getFirst())) - choice.posteriorMean();
            assertTrue(gap <= 0.01 + 1e-12, "no decision gives up more than maxGap: " + gap);
            if (choice.bounded()) {
                bounded++;
            }
        }
        assertTrue(bounded > 0, "the bound actually intervened (the new arm's prior mean is 0.5, sampled wide)");
    }

    @Test
    void aSparseContextStartsFromTheCampaignsOverallRate() {
        var arm = new ThompsonPolicy.Arm("c", ArmStats.NONE, new ArmStats(998, 99));
        double[] ab = policy.posterior(arm);
        assertEquals(0.1, ThompsonPolicy.mean(ab), 1e-9);
        assertEquals(10, ab[0] + ab[1], 1e-9, "prior strength is m pseudo-shows");
        var seen = new ThompsonPolicy.Arm("c", new ArmStats(90, 45), new ArmStats(998, 99));
        assertTrue(ThompsonPolicy.mean(policy.posterior(seen)) > 0.4, "context data outweighs the prior");
    }

    @Test
    void noArmsNoOffer() {
        assertFalse(policy.choose(List.of(), new SplittableRandom(1)).isPresent());
    }

    @Test
    void betaSamplerHasTheRightMean() {
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += Distributions.beta(2, 8, random);
        }
        assertEquals(0.2, sum / 20_000, 0.005);
        double g = 0;
        for (int i = 0; i < 20_000; i++) {
            g += Distributions.gamma(0.5, random);
        }
        assertEquals(0.5, g / 20_000, 0.02, "shape < 1 uses the boost");
    }

    @Test
    void holdoutIsStableAndNearItsShare() {
        HoldoutGroups groups = new HoldoutGroups(1000, "salt");
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean h = groups.heldOut("p" + i);
            assertEquals(h, groups.heldOut("p" + i));
            if (h) {
                held++;
            }
        }
        assertEquals(0.10, held / 20_000.0, 0.01);
    }
}
