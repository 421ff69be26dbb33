package com.quanyu.train.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentsTest {
    @Test
    void rfmQuintilesScoreOneToFiveAndTiesShareALevel() {
        List<CustomerValue> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(new CustomerValue("c" + i, i, i < 60 ? 1 : 2 + i % 5, 10 + i));
        }
        RfmScores rfm = RfmScores.fit(customers);
        assertEquals(new RfmScores.Score(5, 1, 1), rfm.score(customers.get(0)), "most recent, one order, lowest spend");
        assertEquals(1, rfm.score(customers.get(99)).recency());
        assertEquals(5, rfm.score(customers.get(99)).monetary());
        assertEquals(
                rfm.score(customers.get(10)).frequency(),
                rfm.score(customers.get(50)).frequency(),
                "same frequency, same level");
        assertEquals("R5F1M1", rfm.score(customers.get(0)).code());
    }

    @Test
    void namesFollowTheCentroids() {
        double[][] centroids = {
            {-1.0, 1.5, 1.5}, {1.2, 1.4, 1.3}, {-1.0, -0.8, -0.5}, {1.0, -0.7, -0.6}, {0.2, 0.5, 0.4}
        };
        assertEquals(
                List.of("champions", "at-risk high spenders", "new customers", "hibernating", "needs attention"),
                Segmentation.names(centroids));
        List<String> twins = Segmentation.names(new double[][] {{-1, 2, 2}, {-1, 2, 3}});
        assertEquals(List.of("champions (spend rank 2 of 2)", "champions (spend rank 1 of 2)"), twins);
    }

    @Test
    void kMeansSeparatesClearlyDifferentBuyers() {
        List<CustomerValue> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(new CustomerValue("big" + i, 2 + i % 3, 20 + i % 5, 5000 + i));
            buyers.add(new CustomerValue("gone" + i, 300 + i, 1, 20 + i % 3));
        }
        var fit = Segmentation.fit(buyers, 2, 42);
        String big = fit.model().nameOf(buyers.get(0));
        String gone = fit.model().nameOf(buyers.get(1));
        assertTrue(List.of("champions", "loyal customers").contains(big), big);
        assertTrue(List.of("hibernating", "about to sleep").contains(gone), gone);
        assertEquals(50L, fit.sizes().get(big));
        var summary = fit.summaries().stream()
                .filter(x -> x.name().equals(big))
                .findFirst()
                .orElseThrow();
        double bigSpend = buyers.stream()
                .filter(b -> b.customerId().startsWith("big"))
                .mapToDouble(CustomerValue::monetary)
                .sum();
        assertEquals(bigSpend, summary.revenue(), 0.01, "a segment's value is its buyers' spend");
        assertEquals(22.0, summary.meanOrders(), 1e-9);
        assertEquals(
                summary,
                com.quanyu.shared.ml.SegmentSummary.fromMetrics(summary.metrics())
                        .get(0),
                "stored in the metrics and read back");
        assertTrue(fit.provenance().contains("KMeans"), fit.provenance());
        var back = SegmentModel.fromBytes(fit.model().toBytes());
        assertEquals(big, back.nameOf(buyers.get(0)));
    }
}
