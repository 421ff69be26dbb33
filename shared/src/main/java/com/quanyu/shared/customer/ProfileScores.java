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
 */
public record ProfileScores(
        String segment, String rfm, int rfmTotal, double propensity7d, Map<String, String> models, Instant scoredAt) {
    public ProfileScores {
        models = Map.copyOf(models);
    }
}
