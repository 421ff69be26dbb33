package com.quanyu.shared.ml.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommendersTest {
    /**
     * Two taste groups: u1-u3 buy {tea, cups, honey}, u4-u6 buy {beer, chips, salsa}; everyone also
     * buys bread (most popular). Whoever has tea should get cups/honey, not beer.
     */
    static Interactions fixture() {
        var b = Interactions.builder();
        for (String u : List.of("u1", "u2", "u3")) {
            b.add(u, "tea", 1).add(u, "cups", 1).add(u, "honey", 1).add(u, "bread", 1);
        }
        for (String u : List.of("u4", "u5", "u6")) {
            b.add(u, "beer", 1).add(u, "chips", 1).add(u, "salsa", 1).add(u, "bread", 1);
        }
        b.add("u7", "bread", 1).add("u8", "bread", 1);
        return b.build();
    }

    @Test
    void interactionsSumRepeatedPairsAndIndexBothWays() {
        var data = Interactions.builder()
                .add("a", "x", 1)
                .add("a", "x", 3)
                .add("b", "x", 1)
                .add("b", "y", 0)
                .build();
        assertEquals(2, data.userCount());
        assertEquals(1, data.itemCount(), "zero weights are not interactions");
        assertEquals(4f, data.userWeight(data.userStart(0)));
        assertEquals(2, data.itemUserCounts()[0]);
        assertEquals(-1, data.indexOf("unknown"));
    }

    @Test
    void itemKnnCosineHasKnownValues() {
        var data = fixture();
        var knn = ItemKnn.fit(data, 10);
        int tea = data.indexOf("tea");
        // tea and cups share all three users: cosine 3 / (sqrt 3 * sqrt 3) = 1; tea and bread: 3 / (sqrt 3 * sqrt 8)
        int[] near = knn.neighbours(tea);
        assertEquals(1.0f, knn.similarity(tea, 0), 1e-6);
        assertTrue(Set.of("cups", "honey").contains(data.item(near[0])));
        int breadRank = -1;
        for (int t = 0; t < near.length; t++) {
            if (data.item(near[t]).equals("bread")) {
                breadRank = t;
            }
        }
        assertEquals(3 / Math.sqrt(24), knn.similarity(tea, breadRank), 1e-6);
        for (int n : near) {
            assertFalse(data.item(n).equals("beer"), "no shared users, no neighbour");
        }
    }

    @Test
    void alsRecoversTheTasteGroups() {
        var data = fixture();
        var als = ImplicitAls.fit(data, new ImplicitAls.Params(4, 0.1, 10, 15, 42));
        float[] scores = als.scores(Map.of(data.indexOf("tea"), 1f));
        assertTrue(scores[data.indexOf("cups")] > scores[data.indexOf("beer")]);
        assertTrue(scores[data.indexOf("honey")] > scores[data.indexOf("salsa")]);
    }

    @Test
    void modelFiltersBoughtAndOutOfStockAndFallsBackToPopularity() {
        var data = fixture();
        var together = BoughtTogether.fit(
                List.of(
                        List.of("tea", "honey"),
                        List.of("tea", "honey"),
                        List.of("tea", "cups"),
                        List.of("beer", "chips")),
                5);
        var model = RecommenderModel.of(data, ItemKnn.fit(data, 10), together);

        var forTea = model.recommend(Map.of("tea", 1f), 2, Set.of(), sku -> true);
        assertEquals("personalised", forTea.strategy());
        assertEquals(
                Set.of("cups", "honey"),
                Set.of(forTea.items().get(0).sku(), forTea.items().get(1).sku()));

        var filtered = model.recommend(Map.of("tea", 1f), 3, Set.of("cups"), sku -> !sku.equals("honey"));
        assertEquals("bread", filtered.items().get(0).sku(), filtered.toString());
        assertFalse(filtered.items().stream()
                .anyMatch(i -> Set.of("cups", "honey", "tea").contains(i.sku())));

        var cold = model.recommend(Map.of("never-seen", 1f), 2, Set.of(), sku -> true);
        assertTrue(cold.coldStart());
        assertEquals("popularity", cold.strategy());
        assertEquals("bread", cold.items().get(0).sku());

        assertEquals("honey", model.related("tea", 3, sku -> true).get(0).sku());
        assertTrue(model.related("unknown", 3, sku -> true).isEmpty());
        assertTrue(model.related("tea", 3, sku -> !sku.equals("honey")).stream()
                .noneMatch(i -> i.sku().equals("honey")));
    }

    @Test
    void encodesAndDecodesBothAlgorithms() {
        var data = fixture();
        var together = BoughtTogether.fit(List.of(List.of("tea", "honey")), 5);
        for (ItemScorer scorer :
                List.of(ItemKnn.fit(data, 10), ImplicitAls.fit(data, new ImplicitAls.Params(4, 0.1, 10, 5, 1)))) {
            var model = RecommenderModel.of(data, scorer, together);
            var back = RecommenderModel.decode(model.encode());
            assertEquals(scorer.name(), back.algorithm());
            var expected = model.recommend(Map.of("tea", 1f, "bread", 3f), 4, Set.of(), s -> true);
            var actual = back.recommend(Map.of("tea", 1f, "bread", 3f), 4, Set.of(), s -> true);
            assertEquals(
                    expected.items().stream().map(ScoredItem::sku).toList(),
                    actual.items().stream().map(ScoredItem::sku).toList());
            assertEquals(expected.items().get(0).score(), actual.items().get(0).score(), 1e-4);
        }
    }
}
