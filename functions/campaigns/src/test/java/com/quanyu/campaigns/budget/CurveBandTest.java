package com.quanyu.campaigns.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CurveBandTest {
    private static final ResponseCurve TRUTH = new ResponseCurve(60, 2500);

    @Test
    void bandsAreOrderedCoverTheTrueCurveAndNarrowWithMoreDays() {
        SplittableRandom random = new SplittableRandom(11);
        List<CurveBand> few =
                CurveBand.of(ChannelPosterior.fitEstimatingDispersion(days(8, random), 2000, 2.0), 6000, 13, random);
        List<CurveBand> many =
                CurveBand.of(ChannelPosterior.fitEstimatingDispersion(days(120, random), 2000, 2.0), 6000, 13, random);
        assertEquals(13, many.size());
        assertEquals(0, many.get(0).spend());
        assertEquals(6000, many.get(12).spend(), 1e-9);
        for (CurveBand b : many) {
            assertTrue(
                    b.p2_5() <= b.p10() && b.p10() <= b.p90() && b.p90() <= b.p97_5(),
                    "ordered percentiles at " + b.spend());
        }
        for (CurveBand b : many.subList(1, many.size())) {
            double truth = TRUTH.conversions(b.spend());
            assertTrue(
                    b.p2_5() <= truth && truth <= b.p97_5(),
                    "the 95 % band holds the true curve at " + b.spend() + ": " + b);
        }
        double widthFew = few.get(12).p97_5() - few.get(12).p2_5();
        double widthMany = many.get(12).p97_5() - many.get(12).p2_5();
        assertTrue(widthMany < 0.6 * widthFew, "120 days are surer than 8: " + widthMany + " vs " + widthFew);
    }

    private static List<SpendObservation> days(int n, SplittableRandom random) {
        List<SpendObservation> days = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            double spend = 600 + 3000 * random.nextDouble();
            days.add(new SpendObservation(spend, BudgetAllocatorTest.poisson(TRUTH.conversions(spend), random)));
        }
        return days;
    }
}
