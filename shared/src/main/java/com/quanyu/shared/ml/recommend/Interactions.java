package com.quanyu.shared.ml.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implicit feedback as a sparse user-by-item matrix of confidence weights (views, cart adds and
 * purchases summed per user and item), stored row-wise (per user) and column-wise (per item).
 * Users are only row numbers here: the recommenders need who-did-what, not who.
 */
public final class Interactions {
    /** Weights of the event kinds: a purchase says more than a cart add, which says more than a view. */
    public static final float VIEW = 1f;

    public static final float CART_ADD = 3f;
    public static final float PURCHASE = 5f;

    private final String[] items;
    private final Map<String, Integer> itemIndex;
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userWeights;
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemWeights;

    private Interactions(String[] items, List<Map<Integer, Float>> rows) {
        this.items = items;
        this.itemIndex = indexOf(items);
        int nnz = rows.stream().mapToInt(Map::size).sum();
        userStart = new int[rows.size() + 1];
        userItems = new int[nnz];
        userWeights = new float[nnz];
        int[] perItem = new int[items.length];
        int k = 0;
        for (int u = 0; u < rows.size(); u++) {
            userStart[u] = k;
            int[] sorted = rows.get(u).keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            for (int i : sorted) {
                userItems[k] = i;
                userWeights[k++] = rows.get(u).get(i);
                perItem[i]++;
            }
        }
        userStart[rows.size()] = k;
        itemStart = new int[items.length + 1];
        for (int i = 0; i < items.length; i++) {
            itemStart[i + 1] = itemStart[i] + perItem[i];
        }
        itemUsers = new int[nnz];
        itemWeights = new float[nnz];
        int[] fill = Arrays.copyOf(itemStart, items.length);
        for (int u = 0; u < rows.size(); u++) {
            for (int p = userStart[u]; p < userStart[u + 1]; p++) {
                int slot = fill[userItems[p]]++;
                itemUsers[slot] = u;
                itemWeights[slot] = userWeights[p];
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int userCount() {
        return userStart.length - 1;
    }

    public int itemCount() {
        return items.length;
    }

    public String item(int index) {
        return items[index];
    }

    public String[] itemIds() {
        return items.clone();
    }

    /** The index of an item id, or -1 for an item never seen in training. */
    public int indexOf(String item) {
        return itemIndex.getOrDefault(item, -1);
    }

    int userStart(int user) {
        return userStart[user];
    }

    int userEnd(int user) {
        return userStart[user + 1];
    }

    int userItem(int position) {
        return userItems[position];
    }

    float userWeight(int position) {
        return userWeights[position];
    }

    int itemStart(int item) {
        return itemStart[item];
    }

    int itemEnd(int item) {
        return itemStart[item + 1];
    }

    int itemUser(int position) {
        return itemUsers[position];
    }

    float itemWeight(int position) {
        return itemWeights[position];
    }

    /** How many users interacted with each item. */
    public int[] itemUserCounts() {
        int[] counts = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            counts[i] = itemStart[i + 1] - itemStart[i];
        }
        return counts;
    }

    static Map<String, Integer> indexOf(String[] items) {
        Map<String, Integer> index = new HashMap<>(items.length * 2);
        for (int i = 0; i < items.length; i++) {
            index.put(items[i], i);
        }
        return index;
    }

    /** Collects (user, item, weight) triples; repeated pairs add up. */
    public static final class Builder {
        private final Map<String, Integer> users = new HashMap<>();
        private final Map<String, Integer> items = new LinkedHashMap<>();
        private final List<Map<Integer, Float>> rows = new ArrayList<>();

        private Builder() {}

        public Builder add(String user, String item, float weight) {
            if (!(weight > 0) || item == null || item.isBlank()) {
                return this;
            }
            int u = users.computeIfAbsent(user, k -> {
                rows.add(new HashMap<>());
                return rows.size() - 1;
            });
            int i = items.computeIfAbsent(item, k -> items.size());
            rows.get(u).merge(i, weight, Float::sum);
            return this;
        }

        public int userCount() {
            return rows.size();
        }

        public Interactions build() {
            return new Interactions(items.keySet().toArray(String[]::new), rows);
        }
    }
}
