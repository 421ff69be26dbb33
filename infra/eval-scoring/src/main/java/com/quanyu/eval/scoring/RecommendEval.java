package com.quanyu.eval.scoring;

import com.quanyu.shared.ml.recommend.ImplicitAls;
import com.quanyu.shared.ml.recommend.Interactions;
import com.quanyu.shared.ml.recommend.ItemKnn;
import com.quanyu.shared.ml.recommend.ItemScorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Recommendation quality on the Groceries baskets: baskets shuffled with seed 42, 80 % fit the
 * models, and in every remaining basket with at least two items one random item is hidden; the
 * rest of the basket is the history, and all other catalogue items are ranked. Prints hit rate@10
 * and NDCG@10 for popularity, item-kNN and ALS side by side.
 *
 * <p>Usage: {@code RecommendEval [path to groceries.csv]}
 */
public final class RecommendEval {
    private RecommendEval() {}

    /** A test basket: what the person had, and what they also took. */
    record Case(List<String> history, String hidden) {}

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/groceries/groceries.csv");
        List<List<String>> baskets = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.isBlank()) {
                baskets.add(List.copyOf(
                        new LinkedHashSet<>(Arrays.asList(line.trim().split(",")))));
            }
        }
        Collections.shuffle(baskets, new Random(42));
        int cut = (int) Math.round(baskets.size() * 0.8);
        Interactions.Builder builder = Interactions.builder();
        for (int b = 0; b < cut; b++) {
            String user = "b" + b;
            baskets.get(b).forEach(item -> builder.add(user, item, 1f));
        }
        Interactions train = builder.build();
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>();
        for (List<String> basket : baskets.subList(cut, baskets.size())) {
            if (basket.size() < 2) {
                continue;
            }
            List<String> items = new ArrayList<>(basket);
            String hidden = items.remove(random.nextInt(items.size()));
            cases.add(new Case(items, hidden));
        }
        System.out.printf(
                Locale.ROOT,
                "Groceries: %d baskets, %d items; fit on %d baskets, %d leave-one-out cases (seed 42)%n",
                baskets.size(),
                train.itemCount(),
                cut,
                cases.size());

        float[] popularity = new float[train.itemCount()];
        int[] counts = train.itemUserCounts();
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
        double[] pop = evaluate(train, cases, history -> popularity.clone());
        print("popularity", pop, pop[0], 0);
        long start = System.nanoTime();
        ItemKnn knn = ItemKnn.fit(train, 50);
        double knnSeconds = (System.nanoTime() - start) / 1e9;
        print("item-kNN (cosine, k=50) [shipped]", evaluate(train, cases, knn), pop[0], knnSeconds);
        print(
                "item-kNN (asymmetric cosine a=0.7, k=50)",
                evaluate(train, cases, ItemKnn.fit(train, 50, 0.7)),
                pop[0],
                0);
        var params = ImplicitAls.Params.defaults();
        start = System.nanoTime();
        ImplicitAls als = ImplicitAls.fit(train, params);
        double alsSeconds = (System.nanoTime() - start) / 1e9;
        print("ALS (" + params + ")", evaluate(train, cases, als), pop[0], alsSeconds);
    }

    private static double[] evaluate(Interactions train, List<Case> cases, ItemScorer scorer) {
        double hits = 0;
        double ndcg = 0;
        int counted = 0;
        for (Case c : cases) {
            Map<Integer, Float> history = new HashMap<>();
            c.history().forEach(item -> {
                int i = train.indexOf(item);
                if (i >= 0) {
                    history.put(i, 1f);
                }
            });
            int target = train.indexOf(c.hidden());
            counted++;
            if (target < 0) {
                continue; // an item never seen in training cannot be recommended: a miss for every model
            }
            float[] scores = scorer.scores(history);
            int rank = 0; // items strictly better than the target, ties broken against the target
            for (int i = 0; i < scores.length; i++) {
                if (i != target && !history.containsKey(i) && scores[i] >= scores[target]) {
                    rank++;
                }
            }
            if (rank < 10) {
                hits++;
                ndcg += 1 / (Math.log(rank + 2) / Math.log(2));
            }
        }
        return new double[] {hits / counted, ndcg / counted};
    }

    private static void print(String name, double[] figures, double popularityHitRate, double fitSeconds) {
        System.out.printf(
                Locale.ROOT,
                "%-80s HR@10 %.4f  NDCG@10 %.4f  (%.2fx popularity HR@10, fit %.1f s)%n",
                name,
                figures[0],
                figures[1],
                figures[0] / popularityHitRate,
                fitSeconds);
    }

    /** Lets a lambda stand in for a fixed-score model. */
    private interface FixedScores extends ItemScorer {
        @Override
        default String name() {
            return "fixed";
        }

        @Override
        default void write(java.io.DataOutputStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private static double[] evaluate(Interactions train, List<Case> cases, FixedScores scorer) {
        return evaluate(train, cases, (ItemScorer) scorer);
    }
}
