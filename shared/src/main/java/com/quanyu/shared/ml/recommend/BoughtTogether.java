package com.quanyu.shared.ml.recommend;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Frequently bought together": item-to-item cosine similarity over order baskets (each order is
 * one binary row), so two products score high when they share orders more than their popularity
 * alone explains.
 */
public final class BoughtTogether {
    private final String[] items;
    private final Map<String, Integer> index;
    private final ItemKnn knn;

    private BoughtTogether(String[] items, ItemKnn knn) {
        this.items = items;
        this.index = Interactions.indexOf(items);
        this.knn = knn;
    }

    /** Fits on baskets (each a list of SKUs), keeping {@code k} partners per product. */
    public static BoughtTogether fit(List<List<String>> baskets, int k) {
        Interactions.Builder builder = Interactions.builder();
        int row = 0;
        for (List<String> basket : baskets) {
            String order = Integer.toString(row++);
            basket.forEach(sku -> builder.add(order, sku, 1f));
        }
        Interactions data = builder.build();
        return new BoughtTogether(data.itemIds(), ItemKnn.fit(data, k));
    }

    /** Products most often bought with {@code sku}, best first; empty for a product never ordered. */
    public List<ScoredItem> partners(String sku, int n, Predicate<String> allowed) {
        Integer item = index.get(sku);
        List<ScoredItem> result = new ArrayList<>();
        if (item == null) {
            return result;
        }
        int[] near = knn.neighbours(item);
        for (int t = 0; t < near.length && result.size() < n; t++) {
            String partner = items[near[t]];
            if (allowed.test(partner)) {
                result.add(new ScoredItem(partner, knn.similarity(item, t)));
            }
        }
        return result;
    }

    public boolean knows(String sku) {
        return index.containsKey(sku);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(items.length);
        for (String item : items) {
            out.writeUTF(item);
        }
        knn.write(out);
    }

    static BoughtTogether read(DataInputStream in) throws IOException {
        String[] items = new String[in.readInt()];
        for (int i = 0; i < items.length; i++) {
            items[i] = in.readUTF();
        }
        return new BoughtTogether(items, ItemKnn.read(in));
    }
}
