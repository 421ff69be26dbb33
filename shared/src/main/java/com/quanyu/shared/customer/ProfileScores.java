package com.quanyu.shared.customer;

import java.time.Instant;
import java.util.Map;

/**
 * The nightly scores of a profile, written by the training job beside the profile's own fields and
 * read by the score API, campaigns and journeys: segment, RFM scores, batch propensity and the model
 * versions that produced them. How they are stored is the {@link ProfileRepository}'s business.
 *
 * @param segment      k-means segment name, or {@code prospects (no orders yet)}
 * @param rfm          RFM code such as {@code R5F3M4}, or null without orders
 * @param rfmTotal     R + F + M (3..15), 0 without orders
 * @param propensity7d batch probability of an order in the next 7 days, or NaN when no model was live
 * @param models       model kind to the version used
 * @param scoredAt     when the job scored the profile
 * @param run          the batch-scoring run that wrote them (a repeated shard of that run skips the profile), or null
 */
public record ProfileScores(
        String segment,
        String rfm,
        int rfmTotal,
        double propensity7d,
        Map<String, String> models,
        Instant scoredAt,
        String run) {
    public ProfileScores {
        models = Map.copyOf(models);
    }

    /** Scores not written by a batch-scoring run. */
    public ProfileScores(
            String segment,
            String rfm,
            int rfmTotal,
            double propensity7d,
            Map<String, String> models,
            Instant scoredAt) {
        this(segment, rfm, rfmTotal, propensity7d, models, scoredAt, null);
    }
}
