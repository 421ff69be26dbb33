package com.quanyu.train.batch;

import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.segments.RfmScores;
import com.quanyu.train.segments.SegmentModel;
import java.util.Map;

/**
 * Loads the scorer of a shard's model versions from the registry, once per execution environment
 * and version set: a warm worker handling many shards of one run loads the models once.
 */
public final class ScoringModels {
    private final ModelRegistry registry;
    private Map<String, String> loadedVersions;
    private ProfileScorer loaded;

    public ScoringModels(ModelRegistry registry) {
        this.registry = registry;
    }

    public synchronized ProfileScorer scorer(Map<String, String> versions) {
        if (!versions.equals(loadedVersions)) {
            loaded = load(versions);
            loadedVersions = Map.copyOf(versions);
        }
        return loaded;
    }

    private ProfileScorer load(Map<String, String> versions) {
        String segmentsVersion = versions.get(ScoringShard.SEGMENTS);
        ModelMetadata segments = registry.metadata(ScoringShard.SEGMENTS, segmentsVersion)
                .orElseThrow(() ->
                        new IllegalStateException("no segments model version " + segmentsVersion + " in the registry"));
        RfmScores rfm = RfmScores.fromParameters(segments.parameters())
                .orElseThrow(() -> new IllegalStateException("segments model " + segmentsVersion
                        + " carries no RFM boundaries (trained before batch scoring by shards)"));
        BinaryClassifier propensity = null;
        String propensityVersion = versions.get(PropensityTraining.KIND);
        if (propensityVersion != null) {
            ModelMetadata metadata = registry.metadata(PropensityTraining.KIND, propensityVersion)
                    .orElseThrow(() -> new IllegalStateException(
                            "no propensity model version " + propensityVersion + " in the registry"));
            propensity = BinaryClassifier.decode(registry.artifact(metadata), metadata, PropensityTraining.BUYS);
        }
        return new ProfileScorer(SegmentModel.fromBytes(registry.artifact(segments)), rfm, propensity, versions);
    }
}
