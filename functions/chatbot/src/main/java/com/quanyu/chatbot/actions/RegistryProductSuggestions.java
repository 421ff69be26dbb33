package com.quanyu.chatbot.actions;

import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderLine;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.recommend.ScoredItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggestions from the live recommender in the model registry (trained by the train function),
 * seeded with what the customer bought in their recent orders. Items are named as in those orders
 * when known, otherwise by SKU (there is no product catalogue in Quanyu yet). No live model: no
 * suggestions, and the bot says so instead of inventing any.
 */
public final class RegistryProductSuggestions implements ProductSuggestions {
    private final LiveModel<RecommenderModel> recommender;
    private final CustomerData customers;
    private final int historyOrders;

    public RegistryProductSuggestions(
            LiveModel<RecommenderModel> recommender, CustomerData customers, int historyOrders) {
        this.recommender = recommender;
        this.customers = customers;
        this.historyOrders = historyOrders;
    }

    @Override
    public List<String> suggest(String profileId, int limit) {
        var live = recommender.current();
        if (live.isEmpty()) {
            return List.of();
        }
        Map<String, Float> history = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Profile profile = customers.profile(profileId).orElse(null);
        if (profile != null) {
            for (Order order : customers.recentOrders(profile, historyOrders)) {
                for (OrderLine line : order.items()) {
                    history.merge(line.sku(), (float) Math.max(1, line.quantity()), Float::sum);
                    if (line.name() != null) {
                        names.putIfAbsent(line.sku(), line.name());
                    }
                }
            }
        }
        return live.get().model().recommend(history, limit, Set.of(), sku -> true).items().stream()
                .map(ScoredItem::sku)
                .map(sku -> names.getOrDefault(sku, sku))
                .toList();
    }
}
