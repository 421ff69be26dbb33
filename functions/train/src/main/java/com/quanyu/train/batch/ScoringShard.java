package com.quanyu.train.batch;

import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * One shard of a scoring run: the message the coordinator sends and a shard worker handles. The
 * shard is the DynamoDB parallel-scan segment {@code segment} of {@code totalSegments}; every
 * shard of a run scores with the same model versions as of the same moment, so a redelivered or
 * retried shard computes the same scores.
 *
 * @param run           the run's id, written on every profile it scores (what makes a repeat a no-op)
 * @param asOf          the moment recency and activity are measured at
 * @param models        model kind to the version to score with ({@code segments} required, {@code propensity} optional)
 * @param segment       this shard's scan segment, 0-based
 * @param totalSegments how many shards the run has
 */
public record ScoringShard(String run, Instant asOf, Map<String, String> models, int segment, int totalSegments) {
    public ScoringShard {
        if (run == null || run.isBlank() || asOf == null || models == null) {
            throw new IllegalArgumentException("a scoring shard needs run, asOf and models");
        }
        if (!models.containsKey(SEGMENTS)) {
            throw new IllegalArgumentException("a scoring shard needs the segments model version");
        }
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException(
                    "segment must be in [0, totalSegments): " + segment + " of " + totalSegments);
        }
        models = Map.copyOf(models);
    }

    /** Model kind of the segmentation (also the RFM boundaries' carrier). */
    public static final String SEGMENTS = com.quanyu.shared.ml.SegmentSummary.MODEL_KIND;

    public String toJson() {
        return Json.write(this);
    }

    /** Parses a message body; a malformed one throws {@link IllegalArgumentException}. */
    public static ScoringShard fromJson(String body) {
        try {
            return Json.read(body, ScoringShard.class);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException("not a scoring shard: " + cause.getMessage(), e);
        }
    }
}
