package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.ml.ModelRegistry;
import com.quanyu.shared.ml.ProfileScores;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.data.EventHistory;
import com.quanyu.train.propensity.ClassifierSelection;
import com.quanyu.train.propensity.LabelledRows;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.recommend.RecommenderTraining;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole job through the stand-ins: registry in S3Proxy, scores on profile items in dynalite. */
@ExtendWith(AwsStandInsExtension.class)
class TrainingJobTest {
    private final StandIns aws;

    TrainingJobTest(StandIns aws) {
        this.aws = aws;
    }

    private TrainingJob job(
            ModelRegistry registry, EventHistory history, PropensityTraining propensity, ScoresWriter writer) {
        TrainingJob.HistorySource source = new TrainingJob.HistorySource() {
            @Override
            public EventHistory load() {
                return history;
            }

            @Override
            public String description() {
                return "fixture";
            }
        };
        return new TrainingJob(
                registry,
                source,
                Map::of,
                writer,
                propensity,
                Clock.fixed(LakeFixture.END, ZoneOffset.UTC),
                "test",
                0.002);
    }

    /** Trains on labels shuffled at random: whatever it learns is noise. */
    private static PropensityTraining degraded() {
        ClassifierSelection selection = ClassifierSelection.of(
                List.of(new ClassifierSelection.Candidate(
                        ClassifierSelection.LOGISTIC, ClassifierSelection.logisticRegression(1))),
                "buys",
                "no",
                1);
        return new PropensityTraining(
                rows -> {
                    List<Boolean> labels = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        labels.add(rows.label(i));
                    }
                    Collections.shuffle(labels, new Random(3));
                    boolean[] shuffled = new boolean[labels.size()];
                    List<double[]> copy = new ArrayList<>();
                    for (int i = 0; i < shuffled.length; i++) {
                        shuffled[i] = labels.get(i);
                        copy.add(rows.row(i));
                    }
                    return selection.select(LabelledRows.of(rows.features(), copy, shuffled));
                },
                10_000,
                1);
    }

    @Test
    void publishesThenRefusesADeliberatelyDegradedModel() {
        String bucket = aws.envFor("TrainFunction").required("MODELS_BUCKET");
        // A bucket prefix of its own is not possible (kinds are fixed), so this test owns the models bucket's kinds.
        var registry = ModelRegistry.of(aws.s3(), bucket);
        EventHistory history = LakeFixture.history(240, 11);
        var first = job(registry, history, PropensityTraining.defaults(10_000), null)
                .run(Set.of(PropensityTraining.KIND, RecommenderTraining.KIND));
        var propensity = first.models().get(0);
        assertEquals("published", propensity.outcome(), propensity.toString());
        assertTrue(
                propensity.metrics().get("auc_roc") > 0.8, propensity.metrics().toString());
        String live = registry.live(PropensityTraining.KIND).orElseThrow().version();
        assertEquals(propensity.version(), live);
        assertEquals(
                "published",
                first.models().get(1).outcome(),
                first.models().get(1).toString());

        var second = job(registry, history, degraded(), null).run(Set.of(PropensityTraining.KIND));
        var refused = second.models().get(0);
        assertEquals("refused", refused.outcome(), refused.toString());
        assertTrue(refused.reason().contains("worse, refused"), refused.reason());
        assertEquals(
                live, registry.live(PropensityTraining.KIND).orElseThrow().version(), "the live pointer must not move");
        var stored =
                registry.metadata(PropensityTraining.KIND, refused.version()).orElseThrow();
        assertFalse(stored.gate().passed());
        assertNotNull(stored.provenance());
        assertEquals("test", stored.codeVersion());
    }

    @Test
    void writesScoresOnlyOntoExistingProfilesAndKeepsTheirOtherAttributes() {
        var env = aws.envFor("TrainFunction");
        String table = env.required("PROFILES_TABLE");
        var profiles = new DynamoProfileRepository(aws.dynamo(), table);
        EventHistory history = LakeFixture.history(60, 5);
        String browser = history.profileIds().stream()
                .filter(id -> !id.equals("p0"))
                .filter(id -> Integer.parseInt(id.substring(1)) % 3 != 0)
                .findFirst()
                .orElseThrow();
        profiles.save(Profile.empty("p0"), 0);
        profiles.save(Profile.empty(browser), 0);
        long versionBefore = profiles.load("p0").orElseThrow().version();
        var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
        var report = job(
                        registry,
                        history,
                        PropensityTraining.defaults(10_000),
                        new ScoresWriter(aws.dynamo(), table, 4))
                .run(Set.of(TrainingJob.SEGMENTS));
        assertEquals(
                "published",
                report.models().get(0).outcome(),
                report.models().get(0).toString());
        assertEquals(2, report.profilesScored(), "only the two stored profiles");
        ProfileScores buyer = ProfileScores.load(aws.dynamo(), table, "p0").orElseThrow();
        assertTrue(buyer.rfm().matches("R[1-5]F[1-5]M[1-5]"), buyer.toString());
        assertFalse(buyer.segment().startsWith("prospects"));
        assertEquals(
                "prospects (no orders yet)",
                ProfileScores.load(aws.dynamo(), table, browser).orElseThrow().segment());
        assertEquals(versionBefore, profiles.load("p0").orElseThrow().version(), "the profile itself is untouched");
        String unstored = history.profileIds().stream()
                .filter(id -> !id.equals("p0") && !id.equals(browser))
                .findFirst()
                .orElseThrow();
        assertTrue(
                ProfileScores.load(aws.dynamo(), table, unstored).isEmpty(), "no item is created for unknown profiles");
    }
}
