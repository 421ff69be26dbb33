package com.quanyu.train.batch;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.train.segments.CustomerValue;
import com.quanyu.train.segments.RfmScores;
import com.quanyu.train.segments.SegmentModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's batch scores from its stored item, as the score API reads it: segment and RFM from
 * the profile's order aggregates (recency as of the run's moment), batch propensity from the same
 * {@link ActivitySnapshot} serving builds ({@link ActivitySnapshot#fromProfile}).
 */
public final class ProfileScorer {
    private final SegmentModel segments;
    private final RfmScores rfm;
    private final BinaryClassifier propensity;
    private final Map<String, String> versions;

    /**
     * @param propensity the propensity model of the run, or null when none was live
     * @param versions   model kind to version, recorded on every profile's scores
     */
    public ProfileScorer(
            SegmentModel segments, RfmScores rfm, BinaryClassifier propensity, Map<String, String> versions) {
        this.segments = segments;
        this.rfm = rfm;
        this.propensity = propensity;
        this.versions = Map.copyOf(versions);
    }

    /** The scores of one profile as of {@code asOf}, stamped with the run and the time of scoring. */
    public ProfileScores score(Profile profile, Instant asOf, String run, Instant scoredAt) {
        Optional<CustomerValue> value = customerValue(profile, asOf);
        RfmScores.Score rfmScore = value.map(rfm::score).orElse(null);
        double p = propensity == null
                ? Double.NaN
                : propensity.probability(PropensityFeatures.values(ActivitySnapshot.fromProfile(profile, asOf)));
        return new ProfileScores(
                value.map(segments::nameOf).orElse(SegmentModel.PROSPECTS),
                rfmScore == null ? null : rfmScore.code(),
                rfmScore == null ? 0 : rfmScore.total(),
                p,
                versions,
                scoredAt,
                run);
    }

    /** Recency (whole minutes / 1440, as the lake's rfm_inputs), order count and spend of a buyer; empty without orders. */
    static Optional<CustomerValue> customerValue(Profile profile, Instant asOf) {
        Profile.Rfm orders = profile.rfm();
        if (orders == null || orders.orderCount() == 0 || orders.lastOrderAt() == null) {
            return Optional.empty();
        }
        double recencyDays =
                Math.max(0, Duration.between(orders.lastOrderAt(), asOf).toMinutes()) / 1440.0;
        return Optional.of(new CustomerValue(profile.profileId(), recencyDays, orders.orderCount(), orders.revenue()));
    }
}
