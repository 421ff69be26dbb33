package com.quanyu.train.recommend;

import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.recommend.BoughtTogether;
import com.quanyu.shared.ml.recommend.ImplicitAls;
import com.quanyu.shared.ml.recommend.Interactions;
import com.quanyu.shared.ml.recommend.ItemKnn;
import com.quanyu.shared.ml.recommend.ItemScorer;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.recommend.ScoredItem;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.features.TrainingFeatures.ProductInteraction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains the recommenders from lake events: item-kNN and ALS are fitted on everything before the
 * last week and judged on what people added to cart or bought in that week (items new to them);
 * the better one by hit rate@10 is refitted on all events and shipped, with bought-together
 * partners from the orders and popularity for cold starts.
 */
public final class RecommenderTraining {
    public static final String KIND = "recommender";
    public static final Duration HOLDOUT = Duration.ofDays(7);
    public static final int K = 10;

    /** A person of the held-out week: history before it, and the new items they took in it. */
    public record Case(Map<String, Float> history, Set<String> targets) {}

    /** A shippable model, its metadata and the held-out cases the gate replays on the live model. */
    public record Candidate(ModelMetadata metadata, RecommenderModel model, List<Case> holdout) {}

    /** Scores nothing, so the model falls back to popularity for everyone: the baseline. */
    static final class PopularityOnly implements ItemScorer {
        @Override
        public float[] scores(Map<Integer, Float> history) {
            return new float[0];
        }

        @Override
        public String name() {
            return "popularity";
        }

        @Override
        public void write(java.io.DataOutputStream out) {
            throw new UnsupportedOperationException("the popularity baseline is never shipped");
        }
    }

    /** The implicit-feedback interactions before the cut-off ({@code pastOnly}), or in the whole window. */
    public static Interactions interactions(List<ProductInteraction> counts, boolean pastOnly) {
        Interactions.Builder builder = Interactions.builder();
        for (ProductInteraction c : counts) {
            builder.add(
                    c.profileId(),
                    c.sku(),
                    pastOnly
                            ? weight(c.viewsBefore(), c.cartAddsBefore(), c.purchasesBefore())
                            : weight(c.views(), c.cartAdds(), c.purchases()));
        }
        return builder.build();
    }

    static float weight(long views, long cartAdds, long purchases) {
        return views * Interactions.VIEW + cartAdds * Interactions.CART_ADD + purchases * Interactions.PURCHASE;
    }

    /**
     * People of the held-out week: what they interacted with before the cut-off, and the products new
     * to them they added to cart or bought from it on.
     */
    public static List<Case> holdoutCases(List<ProductInteraction> counts) {
        Map<String, Map<String, Float>> past = new LinkedHashMap<>();
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (ProductInteraction c : counts) {
            float before = weight(c.viewsBefore(), c.cartAddsBefore(), c.purchasesBefore());
            if (before > 0) {
                past.computeIfAbsent(c.profileId(), k -> new LinkedHashMap<>()).put(c.sku(), before);
            } else if (c.takenAfterCutoff()) {
                targets.computeIfAbsent(c.profileId(), k -> new HashSet<>()).add(c.sku());
            }
        }
        List<Case> cases = new ArrayList<>();
        past.forEach((profile, history) -> {
            Set<String> taken = targets.get(profile);
            if (taken != null) {
                cases.add(new Case(history, taken));
            }
        });
        return cases;
    }

    /** Hit rate@10 and NDCG@10 of a servable model on held-out cases (first target hit counts). */
    public static double[] evaluate(RecommenderModel model, List<Case> cases) {
        double hits = 0;
        double ndcg = 0;
        for (Case c : cases) {
            List<ScoredItem> top =
                    model.recommend(c.history(), K, Set.of(), sku -> true).items();
            for (int rank = 0; rank < top.size(); rank++) {
                if (c.targets().contains(top.get(rank).sku())) {
                    hits++;
                    ndcg += 1 / (Math.log(rank + 2) / Math.log(2));
                    break;
                }
            }
        }
        return cases.isEmpty()
                ? new double[] {Double.NaN, Double.NaN}
                : new double[] {hits / cases.size(), ndcg / cases.size()};
    }

    public Optional<Candidate> train(
            TrainingFeatures history, String version, String codeVersion, Instant now, String source) {
        TrainingFeatures.Span span = history.span();
        if (span.last() == null) {
            return Optional.empty();
        }
        Instant cutoff = span.last().minus(HOLDOUT);
        List<ProductInteraction> counts = history.interactions(cutoff);
        Interactions past = interactions(counts, true);
        List<Case> cases = holdoutCases(counts);
        if (past.itemCount() < 2 || cases.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> baskets = history.baskets();
        BoughtTogether together = BoughtTogether.fit(baskets, 20);
        Map<String, Double> metrics = new HashMap<>();
        List<ItemScorer> fitted = List.of(ItemKnn.fit(past, 50), ImplicitAls.fit(past, ImplicitAls.Params.defaults()));
        ItemScorer best = null;
        double bestHitRate = -1;
        for (ItemScorer scorer : fitted) {
            double[] figures = evaluate(RecommenderModel.of(past, scorer, together), cases);
            metrics.put("hr_at_10." + scorer.name(), figures[0]);
            metrics.put("ndcg_at_10." + scorer.name(), figures[1]);
            if (figures[0] > bestHitRate) {
                best = scorer;
                bestHitRate = figures[0];
            }
        }
        metrics.put(
                "hr_at_10.popularity", evaluate(RecommenderModel.of(past, new PopularityOnly(), together), cases)[0]);
        metrics.put("hr_at_10", bestHitRate);
        metrics.put("ndcg_at_10", metrics.get("ndcg_at_10." + best.name()));
        Interactions all = interactions(counts, false);
        ItemScorer shipped = best instanceof ImplicitAls
                ? ImplicitAls.fit(all, ImplicitAls.Params.defaults())
                : ItemKnn.fit(all, 50);
        RecommenderModel model = RecommenderModel.of(all, shipped, together);
        var data = new ModelMetadata.TrainingData(source, span.first(), span.last(), all.userCount(), cases.size());
        String algorithm = shipped.name() + " (chosen by hold-out hit rate@10 over item-knn and als)";
        String provenance =
                "plain-Java " + shipped.name() + " trained by com.quanyu.train.recommend.RecommenderTraining on "
                        + all.userCount() + " people x " + all.itemCount() + " items; ALS params "
                        + ImplicitAls.Params.defaults()
                        + "; item-kNN k=50 cosine; bought-together from "
                        + baskets.size() + " multi-item orders";
        var metadata = new ModelMetadata(
                KIND,
                version,
                algorithm,
                now,
                codeVersion,
                data,
                List.of("item interactions"),
                metrics,
                "hr_at_10",
                null,
                provenance,
                Map.of(),
                0,
                null);
        return Optional.of(new Candidate(metadata, model, cases));
    }
}
