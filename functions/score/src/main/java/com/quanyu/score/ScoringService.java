package com.quanyu.score;

import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.ml.recommend.Interactions;
import com.quanyu.shared.ml.recommend.Recommendations;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.recommend.ScoredItem;
import com.quanyu.shared.risk.OrderRisk;
import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.risk.OrderRiskScorer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The scoring domain behind the API: live propensity with its explanation, the nightly segment
 * and RFM scores, recommendations with business filters, bought-together products and order risk.
 * Unknown people are a 404 for scores and a clearly marked cold start for recommendations; a
 * missing model is reported in the answer, never as a server error.
 */
final class ScoringService {
    /** Propensity answer. */
    record Propensity(
            Double probability,
            String model,
            boolean coldStart,
            List<BinaryClassifier.Contribution> topFeatures,
            String note) {
        /** As {@link Scores#json()}: the mapper's form of this record. */
        Map<String, Object> json() {
            List<Map<String, Object>> features = new ArrayList<>(topFeatures.size());
            for (BinaryClassifier.Contribution c : topFeatures) {
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("feature", c.feature());
                feature.put("value", c.value());
                feature.put("contribution", c.contribution());
                features.add(feature);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("probability", probability);
            json.put("model", model);
            json.put("coldStart", coldStart);
            json.put("topFeatures", features);
            json.put("note", note);
            return json;
        }
    }

    /** Scores answer. */
    record Scores(
            String profileId,
            boolean coldStart,
            Propensity propensity,
            String segment,
            String rfm,
            Integer rfmTotal,
            Double batchPropensity7d,
            Map<String, String> models,
            String scoredAt) {
        /**
         * The answer as plain maps and lists, in the mapper's field order and with its null fields
         * left out, which {@code Json.write} writes without building the mapper: the mapper (its
         * record serialisers, the JSR-310 module) was a large share of the score function's first
         * request above the cold-start floor (docs/BENCHMARKS.md); {@code ScoringServiceTest} checks
         * that the JSON is the mapper's, byte for byte.
         */
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("profileId", profileId);
            json.put("coldStart", coldStart);
            json.put("propensity", propensity == null ? null : propensity.json());
            json.put("segment", segment);
            json.put("rfm", rfm);
            json.put("rfmTotal", rfmTotal);
            json.put("batchPropensity7d", batchPropensity7d);
            json.put("models", models);
            json.put("scoredAt", scoredAt);
            return json;
        }
    }

    /** Recommendations answer. */
    record RecommendationList(
            String profileId,
            boolean profileFound,
            boolean coldStart,
            String strategy,
            String model,
            List<ScoredItem> items) {}

    /** Related-products answer. */
    record Related(String sku, String model, List<ScoredItem> items) {}

    static final int EXPLANATION_FEATURES = 5;
    /** Strategy reported before the first recommender is published: an empty list, not an error. */
    static final String NO_MODEL = "none: no recommender model is published yet";

    private final ProfileData data;
    private final Supplier<Optional<LiveModel.Loaded<BinaryClassifier>>> propensity;
    private final Supplier<Optional<LiveModel.Loaded<RecommenderModel>>> recommender;
    private final Predicate<String> inStock;
    private final OrderRiskScorer risk;
    private final Clock clock;

    ScoringService(
            ProfileData data,
            Supplier<Optional<LiveModel.Loaded<BinaryClassifier>>> propensity,
            Supplier<Optional<LiveModel.Loaded<RecommenderModel>>> recommender,
            Predicate<String> inStock,
            OrderRiskScorer risk,
            Clock clock) {
        this.data = data;
        this.propensity = propensity;
        this.recommender = recommender;
        this.inStock = inStock;
        this.risk = risk;
        this.clock = clock;
    }

    Scores scores(String profileId) {
        Profile profile =
                data.profile(profileId).orElseThrow(() -> new UnknownSubjectException("no profile " + profileId));
        ActivitySnapshot snapshot = ActivitySnapshot.fromProfile(profile, clock.instant());
        Propensity p = propensity(snapshot);
        Optional<ProfileScores> stored = data.storedScores(profile.profileId());
        return new Scores(
                profile.profileId(),
                snapshot.isEmpty(),
                p,
                stored.map(ProfileScores::segment).orElse(null),
                stored.map(ProfileScores::rfm).orElse(null),
                stored.map(ProfileScores::rfmTotal).orElse(null),
                stored.map(ProfileScores::propensity7d).filter(v -> !v.isNaN()).orElse(null),
                stored.map(ProfileScores::models).orElse(Map.of()),
                stored.map(s -> s.scoredAt() == null ? null : s.scoredAt().toString())
                        .orElse(null));
    }

    private Propensity propensity(ActivitySnapshot snapshot) {
        Optional<LiveModel.Loaded<BinaryClassifier>> model = propensity.get();
        if (model.isEmpty()) {
            return new Propensity(null, null, snapshot.isEmpty(), List.of(), "no propensity model is published yet");
        }
        var loaded = model.get();
        if (snapshot.isEmpty()) {
            Double baseRate = loaded.metadata().metrics().get("base_rate");
            return new Propensity(
                    baseRate,
                    loaded.version(),
                    true,
                    List.of(),
                    "cold start: no activity yet; the answer is the average buyer rate of the training data");
        }
        double[] values = PropensityFeatures.values(snapshot);
        BinaryClassifier classifier = loaded.model();
        return new Propensity(
                classifier.probability(values),
                loaded.version(),
                false,
                classifier.explain(values, EXPLANATION_FEATURES),
                "probability of an order in the next 7 days");
    }

    RecommendationList recommendations(String profileId, int n) {
        Optional<LiveModel.Loaded<RecommenderModel>> model = recommender.get();
        if (model.isEmpty()) {
            return new RecommendationList(
                    profileId, data.profile(profileId).isPresent(), true, NO_MODEL, null, List.of());
        }
        RecommenderModel rec = model.get().model();
        Optional<Profile> profile = data.profile(profileId);
        if (profile.isEmpty()) {
            return new RecommendationList(
                    profileId, false, true, "popularity", model.get().version(), rec.popular(n, inStock));
        }
        Set<String> bought = data.purchasedSkus(profile.get());
        Map<String, Float> history = new HashMap<>();
        for (Profile.EventSummary e : profile.get().lastEvents()) {
            float weight = weight(e);
            if (e.sku() != null && weight > 0) {
                history.merge(e.sku(), weight, Float::sum);
            }
        }
        bought.forEach(sku -> history.merge(sku, Interactions.PURCHASE, Float::sum));
        Recommendations result = rec.recommend(history, n, bought, inStock);
        return new RecommendationList(
                profile.get().profileId(),
                true,
                result.coldStart(),
                result.strategy(),
                model.get().version(),
                result.items());
    }

    private static float weight(Profile.EventSummary e) {
        var recent = new ActivitySnapshot.RecentEvent(e.type(), e.event(), e.sku(), e.channel(), e.timestamp());
        return recent.isOrder()
                ? Interactions.PURCHASE
                : recent.isCartAdd() ? Interactions.CART_ADD : recent.isView() ? Interactions.VIEW : 0;
    }

    Related related(String sku, int n) {
        Optional<LiveModel.Loaded<RecommenderModel>> model = recommender.get();
        if (model.isEmpty()) {
            return new Related(sku, null, List.of());
        }
        if (!model.get().model().knows(sku)) {
            throw new UnknownSubjectException("no product " + sku + " in the training data");
        }
        return new Related(sku, model.get().version(), model.get().model().related(sku, n, inStock));
    }

    /**
     * The scoring a known profile's requests run, without a profile (SnapStart priming): the
     * propensity model's probability and explanation and the recommender on an empty history.
     */
    void prime() {
        double[] values = PropensityFeatures.values(ActivitySnapshot.empty(clock.instant()));
        propensity.get().ifPresent(loaded -> {
            loaded.model().probability(values);
            loaded.model().explain(values, EXPLANATION_FEATURES);
        });
        recommender.get().ifPresent(loaded -> loaded.model().recommend(Map.of(), 5, Set.of(), inStock));
    }

    OrderRisk risk(OrderRiskInput order) {
        return risk.assess(order);
    }
}
