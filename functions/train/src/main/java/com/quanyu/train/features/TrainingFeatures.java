package com.quanyu.train.features;

import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.train.segments.CustomerValue;
import java.time.Instant;
import java.util.List;

/**
 * The feature sets the training run fits its models on, for one window of the lake and one sample
 * of people: every method answers for the same people.
 */
public interface TrainingFeatures {

    /**
     * The window: first and last event, events and people in it (everyone, not just the sample).
     *
     * @param first null when the window is empty
     * @param last  null when the window is empty
     */
    record Span(Instant first, Instant last, long events, long people) {}

    /** A sampled person as of a cut-off: their activity before it, and whether they ordered in the horizon after it. */
    record PropensityExample(String profileId, ActivitySnapshot snapshot, boolean buys) {}

    /**
     * A sampled person's implicit feedback on one product: counts before a cut-off and in the whole window.
     */
    record ProductInteraction(
            String profileId,
            String sku,
            long viewsBefore,
            long cartAddsBefore,
            long purchasesBefore,
            long views,
            long cartAdds,
            long purchases) {

        /** Cart adds or purchases at or after the cut-off: the held-out week's targets. */
        public boolean takenAfterCutoff() {
            return cartAdds > cartAddsBefore || purchases > purchasesBefore;
        }
    }

    Span span();

    /** Everyone sampled who was seen before {@code cutoff}, ordered by profile id; label: an order in [cutoff, horizonEnd). */
    List<PropensityExample> propensity(Instant cutoff, Instant horizonEnd);

    /** Product interactions of the sampled people, by profile id then SKU. */
    List<ProductInteraction> interactions(Instant cutoff);

    /** The SKUs of every order of the sampled people naming two or more (bought-together). */
    List<List<String>> baskets();

    /** Every order of the sampled people that has an order id, as it looked at ingestion, oldest first. */
    List<OrderRiskInput> orders();

    /** Recency, frequency and monetary value of the sampled buyers as of {@code asOf}, by profile id. */
    List<CustomerValue> customerValues(Instant asOf);

    /** Where the features came from, for the models' metadata. */
    String description();
}
