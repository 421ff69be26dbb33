package com.quanyu.chatbot.actions;

import java.util.List;

/** Product suggestions for a customer from the scoring team's recommendation models. */
public interface ProductSuggestions {
    /** Up to {@code limit} product names (or SKUs when unnamed), best first; empty when none. */
    List<String> suggest(String profileId, int limit);
}
