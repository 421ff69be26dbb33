package com.quanyu.score;

import com.quanyu.shared.ml.LivePointer;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.SegmentSummary;
import com.quanyu.shared.ml.store.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live k-means segmentation as staff see it: each segment's buyers and their value when the
 * model was trained (the nightly training, so as fresh as the scores on the profiles).
 */
final class LiveSegments {
    private final ModelRegistry registry;

    LiveSegments(ModelRegistry registry) {
        this.registry = registry;
    }

    /** {@code live} is null and {@code segments} empty until a segmentation has been published. */
    Map<String, Object> current() {
        Optional<ModelMetadata> live = registry.live(SegmentSummary.MODEL_KIND)
                .map(LivePointer::version)
                .flatMap(version -> registry.metadata(SegmentSummary.MODEL_KIND, version));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("live", live.map(ModelMetadata::version).orElse(null));
        body.put("trainedAt", live.map(ModelMetadata::createdAt).orElse(null));
        body.put(
                "asOf",
                live.map(ModelMetadata::data)
                        .map(ModelMetadata.TrainingData::to)
                        .orElse(null));
        body.put("algorithm", live.map(ModelMetadata::algorithm).orElse(null));
        List<SegmentSummary> segments =
                live.map(m -> SegmentSummary.fromMetrics(m.metrics())).orElse(List.of());
        body.put(
                "buyers", segments.stream().mapToLong(SegmentSummary::customers).sum());
        body.put("segments", segments);
        return body;
    }
}
