package com.quanyu.shared.ml.recommend;

import com.quanyu.shared.ml.recommend.internal.TopN;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The servable recommender: the shipped collaborative model (item-kNN or ALS), item popularity for
 * cold start and top-ups, and frequently-bought-together partners. Business filters are applied
 * here for every source: already-bought and excluded items never appear, and {@code available}
 * (stock) is checked on every candidate.
 */
public final class RecommenderModel {
    private static final int FORMAT = 1;

    private final String[] items;
    private final Map<String, Integer> index;
    private final ItemScorer scorer;
    private final float[] popularity;
    private final BoughtTogether together;

    private RecommenderModel(String[] items, ItemScorer scorer, float[] popularity, BoughtTogether together) {
        this.items = items;
        this.index = Interactions.indexOf(items);
        this.scorer = scorer;
        this.popularity = popularity;
        this.together = together;
    }

    /** Bundles a model fitted on {@code data} with popularity from the same data. */
    public static RecommenderModel of(Interactions data, ItemScorer scorer, BoughtTogether together) {
        float[] popularity = new float[data.itemCount()];
        for (int i = 0; i < popularity.length; i++) {
            for (int p = data.itemStart(i); p < data.itemEnd(i); p++) {
                popularity[i] += data.itemWeight(p);
            }
        }
        return new RecommenderModel(data.itemIds(), scorer, popularity, together);
    }

    public String algorithm() {
        return scorer.name();
    }

    public int itemCount() {
        return items.length;
    }

    /**
     * Top {@code n} items for a person's history (SKU to interaction weight). Items in
     * {@code exclude} (already bought) and items failing {@code available} are never returned; the
     * list is topped up from popularity when the model has fewer than {@code n} candidates.
     */
    public Recommendations recommend(
            Map<String, Float> history, int n, Set<String> exclude, Predicate<String> available) {
        Map<Integer, Float> known = new HashMap<>();
        history.forEach((sku, weight) -> {
            Integer i = index.get(sku);
            if (i != null && weight > 0) {
                known.merge(i, weight, Float::sum);
            }
        });
        java.util.function.IntPredicate allowed =
                i -> !known.containsKey(i) && !exclude.contains(items[i]) && available.test(items[i]);
        List<ScoredItem> result = new ArrayList<>(n);
        if (!known.isEmpty()) {
            float[] scores = scorer.scores(known);
            for (int i : TopN.of(scores, n, allowed)) {
                result.add(new ScoredItem(items[i], scores[i]));
            }
        }
        boolean personalised = !result.isEmpty();
        if (result.size() < n) {
            Set<String> taken = new java.util.HashSet<>();
            result.forEach(r -> taken.add(r.sku()));
            for (int i : TopN.of(popularity, n, i -> allowed.test(i) && !taken.contains(items[i]))) {
                if (result.size() == n) {
                    break;
                }
                result.add(new ScoredItem(items[i], 0));
            }
        }
        String strategy = !personalised
                ? "popularity"
                : result.stream().anyMatch(r -> r.score() == 0) ? "personalised+popularity" : "personalised";
        return new Recommendations(result, strategy, known.isEmpty());
    }

    /** Frequently bought together with {@code sku}, available ones only; empty for an unknown product. */
    public List<ScoredItem> related(String sku, int n, Predicate<String> available) {
        return together.partners(sku, n, s -> !s.equals(sku) && available.test(s));
    }

    /** True when the product appears in the training data (views, carts or orders). */
    public boolean knows(String sku) {
        return index.containsKey(sku) || together.knows(sku);
    }

    /** The most popular available items: what a person with no history sees. */
    public List<ScoredItem> popular(int n, Predicate<String> available) {
        List<ScoredItem> result = new ArrayList<>(n);
        for (int i : TopN.of(popularity, n, i -> available.test(items[i]))) {
            result.add(new ScoredItem(items[i], popularity[i]));
        }
        return result;
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(items.length);
            for (int i = 0; i < items.length; i++) {
                out.writeUTF(items[i]);
                out.writeFloat(popularity[i]);
            }
            out.writeUTF(scorer.name());
            scorer.write(out);
            together.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static RecommenderModel decode(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unsupported recommender format " + format);
            }
            String[] items = new String[in.readInt()];
            float[] popularity = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                items[i] = in.readUTF();
                popularity[i] = in.readFloat();
            }
            String name = in.readUTF();
            ItemScorer scorer = switch (name) {
                case ItemKnn.NAME -> ItemKnn.read(in);
                case ImplicitAls.NAME -> ImplicitAls.read(in);
                default -> throw new IllegalArgumentException("unknown recommender " + name);
            };
            return new RecommenderModel(items, scorer, popularity, BoughtTogether.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("not a recommender artifact", e);
        }
    }
}
