package com.quanyu.campaigns.offer;

import com.quanyu.campaigns.audience.ProfileView;
import java.util.Locale;

/**
 * The context a contextual bandit conditions on: the profile's segment and its purchase-propensity
 * bucket. Few, coarse contexts learn fast; the campaign's overall rate is their prior.
 *
 * @param segment          the scoring model's segment, or {@code unknown}
 * @param propensityBucket {@code low} (&lt; 0.1), {@code mid} (&lt; 0.3), {@code high}, or {@code unscored}
 */
public record OfferContext(String segment, String propensityBucket) {

    public static OfferContext of(ProfileView profile) {
        String bucket = profile.propensity()
                .map(p -> p < 0.1 ? "low" : p < 0.3 ? "mid" : "high")
                .orElse("unscored");
        return new OfferContext(profile.segment().toLowerCase(Locale.ROOT).replace(' ', '_'), bucket);
    }

    /** Storage key, e.g. {@code at_risk|high}. */
    public String key() {
        return segment + "|" + propensityBucket;
    }
}
