package com.quanyu.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.batch.ScoringShard;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.propensity.ClassifierSelection;
import com.quanyu.train.propensity.LabelledRows;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.recommend.RecommenderTraining;
import com.quanyu.train.segments.RfmScores;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job through the stand-ins: features from the fixture lake in S3Proxy through the SQL
 * layer (DuckDB), registry in S3Proxy; the scoring run it queues (ScoringFanOutTest scores one).
 */
@ExtendWith(AwsStandInsExtension.class)
class TrainingJobTest {
    private final StandIns aws;

    TrainingJobTest(StandIns aws) {
        this.aws = aws;
    }

    private TrainingJob job(
            ModelRegistry registry, TrainingFeatures features, PropensityTraining propensity, ScoringFanOut scoring) {
        return new TrainingJob(
                registry,
                () -> features,
                Map::of,
                scoring,
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
    void publishesThenRefusesADeliberatelyDegradedModel(@TempDir Path cache) {
        String bucket = aws.envFor("TrainFunction").required("MODELS_BUCKET");
        // A bucket prefix of its own is not possible (kinds are fixed), so this test owns the models bucket's kinds.
        var registry = ModelRegistry.of(aws.s3(), bucket);
        try (FixtureLake lake = FixtureLake.of(aws, LakeFixture.lines(240, 11), cache)) {
            publishesThenRefuses(registry, lake.features(50_000));
        }
    }

    private void publishesThenRefuses(ModelRegistry registry, TrainingFeatures history) {
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
    void aNewSegmentationQueuesAScoringRunOfEveryShardWithItsRfmBoundaries(@TempDir Path cache) {
        try (FixtureLake lake = FixtureLake.of(aws, LakeFixture.lines(60, 5), cache)) {
            segmentationQueuesAScoringRun(lake.features(50_000));
        }
    }

    private void segmentationQueuesAScoringRun(TrainingFeatures history) {
        var env = aws.envFor("TrainFunction");
        var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
        List<ScoringShard> queued = new ArrayList<>();
        var fanOut = new ScoringFanOut(queued::addAll, () -> 250, 100, Clock.fixed(LakeFixture.END, ZoneOffset.UTC));
        var report = job(registry, history, PropensityTraining.defaults(10_000), fanOut)
                .run(Set.of(TrainingJob.SEGMENTS));
        var segments = report.models().get(0);
        assertEquals("published", segments.outcome(), segments.toString());
        assertNotNull(report.scoring(), "a scoring run was queued");
        assertEquals(3, report.scoring().shards(), "250 items at 100 per shard");
        assertEquals(
                List.of(0, 1, 2), queued.stream().map(ScoringShard::segment).toList());
        for (ScoringShard shard : queued) {
            assertEquals(report.scoring().run(), shard.run());
            assertEquals(3, shard.totalSegments());
            assertEquals(segments.version(), shard.models().get(TrainingJob.SEGMENTS));
            assertEquals(
                    history.span().last(), shard.asOf(), "recency as of the training data's end, as the segmentation");
        }
        var metadata =
                registry.metadata(TrainingJob.SEGMENTS, segments.version()).orElseThrow();
        assertTrue(
                RfmScores.fromParameters(metadata.parameters()).isPresent(),
                metadata.parameters().toString());

        var withoutSegments = job(registry, history, PropensityTraining.defaults(10_000), fanOut)
                .run(Set.of(RecommenderTraining.KIND));
        assertEquals(null, withoutSegments.scoring(), "no new segmentation, no scoring run");
        assertEquals(3, queued.size());
    }
}
