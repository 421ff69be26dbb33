package com.quanyu.forecast.replenish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.quanyu.forecast.engine.SeriesForecast;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplenishmentPlannerTest {
    /** 10 units a day for 28 days; the error of a k-day total has standard deviation 3 * sqrt(k). */
    private static SeriesForecast flat() {
        double[] point = new double[28];
        Arrays.fill(point, 10);
        double[] sigma = new double[28];
        for (int k = 0; k < 28; k++) {
            sigma[k] = 3 * Math.sqrt(k + 1);
        }
        return new SeriesForecast("ets", List.of(), point, point, point, point, point, sigma, 1, 0.5, Map.of());
    }

    @Test
    void orderUpToArithmetic() {
        ReplenishmentPolicy policy = ReplenishmentPolicy.defaults()
                .withLeadTimeDays(5)
                .withReviewDays(9)
                .withServiceLevel(0.95);
        Suggestion s = ReplenishmentPlanner.plan(flat(), InventoryPosition.of(60, 20), policy);
        double z = 1.6448536;
        assertEquals(50, s.leadTimeDemand(), 1e-9);
        assertEquals(140, s.protectionDemand(), 1e-9);
        assertEquals(z * 3 * Math.sqrt(14), s.safetyStock(), 1e-5);
        assertEquals(50 + z * 3 * Math.sqrt(5), s.reorderPoint(), 1e-5);
        assertEquals(140 + z * 3 * Math.sqrt(14), s.orderUpTo(), 1e-5);
        assertEquals(80, s.inventoryPosition(), 1e-9);
        assertEquals(Math.ceil(140 + z * 3 * Math.sqrt(14) - 80), s.suggestedOrder(), 1e-9);
        assertEquals(8, s.daysOfCover(), 1e-9);
        assertEquals(6, s.daysUntilStockout()); // 60 on hand cover days 0-5 exactly; day 6 is short
        assertEquals(Suggestion.Risk.NONE, s.risk());
    }

    @Test
    void moqAndPackSizeRounding() {
        ReplenishmentPolicy policy =
                ReplenishmentPolicy.defaults().withMinimumOrder(48).withPackSize(12);
        assertEquals(48, ReplenishmentPlanner.orderQuantity(5, policy), 1e-9); // raised to the MOQ
        assertEquals(60, ReplenishmentPlanner.orderQuantity(49, policy), 1e-9); // whole packs
        assertEquals(60, ReplenishmentPlanner.orderQuantity(60, policy), 1e-9); // exact packs stay
        assertEquals(0, ReplenishmentPlanner.orderQuantity(-3, policy), 1e-9); // no need, no order
        assertEquals(0, ReplenishmentPlanner.orderQuantity(0, policy), 1e-9);
    }

    @Test
    void flagsStockoutAndOverstock() {
        ReplenishmentPolicy policy = ReplenishmentPolicy.defaults(); // 7 + 7 days, overstock beyond 90 days
        Suggestion low = ReplenishmentPlanner.plan(flat(), InventoryPosition.of(30, 0), policy);
        assertEquals(Suggestion.Risk.STOCKOUT, low.risk());
        Suggestion high = ReplenishmentPlanner.plan(flat(), InventoryPosition.of(950, 0), policy);
        assertEquals(Suggestion.Risk.OVERSTOCK, high.risk());
        assertEquals(0, high.suggestedOrder());
        double[] zero = new double[28];
        SeriesForecast none = new SeriesForecast(
                "fallback-zero", List.of("all_zero"), zero, zero, zero, zero, zero, zero, 0, Double.NaN, Map.of());
        Suggestion dead = ReplenishmentPlanner.plan(none, InventoryPosition.of(5, 0), policy);
        assertEquals(Suggestion.Risk.OVERSTOCK, dead.risk());
        assertEquals("stock on hand and no forecast demand", dead.reason());
    }

    @Test
    void protectionLongerThanTheHorizonExtrapolates() {
        ReplenishmentPolicy policy =
                ReplenishmentPolicy.defaults().withLeadTimeDays(30).withReviewDays(26);
        Suggestion s = ReplenishmentPlanner.plan(flat(), InventoryPosition.of(0, 0), policy);
        assertEquals(560, s.protectionDemand(), 1e-9);
        assertEquals(1.6448536 * 3 * Math.sqrt(28) * Math.sqrt(2), s.safetyStock(), 1e-4);
    }

    @Test
    void normalQuantileAndPolicyValidation() {
        assertEquals(1.6448536, NormalQuantile.of(0.95), 1e-6);
        assertEquals(2.3263479, NormalQuantile.of(0.99), 1e-6);
        assertEquals(-1.2815516, NormalQuantile.of(0.10), 1e-6);
        assertEquals(0, NormalQuantile.of(0.5), 1e-12);
        assertThrows(
                IllegalArgumentException.class,
                () -> ReplenishmentPolicy.defaults().withServiceLevel(1.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ReplenishmentPolicy.defaults().withPackSize(0));
        assertThrows(IllegalArgumentException.class, () -> InventoryPosition.of(1, -1));
    }
}
