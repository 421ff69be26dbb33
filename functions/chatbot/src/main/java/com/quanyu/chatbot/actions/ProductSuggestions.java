package com.quanyu.chatbot.actions;

import java.util.List;

/** Product suggestions for a customer from the scoring team's recommendation models. */
public interface ProductSuggestions {
    /**
     * A suggested product: its SKU, and its name as the customer's own orders give it (null when they
     * never bought it); replies name it from the catalogue when it is there.
     */
    record Suggestion(String sku, String nameInOrders) {}

    /** Up to {@code limit} suggestions, best first; empty when none. */
    List<Suggestion> suggest(String profileId, int limit);
}
