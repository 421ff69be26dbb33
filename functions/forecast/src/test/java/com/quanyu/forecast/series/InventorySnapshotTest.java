package com.quanyu.forecast.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InventorySnapshotTest {
    @Test
    void parsesPositionsPoliciesAndStockOutRangesAndSkipsBadRows() {
        String csv = """
                sku,location,on_hand,on_order,stockout_days,lead_time_days,moq,pack_size
                SKU-1,S01,12,24,2026-11-20;2026-11-22..2026-11-24,5,12,6
                SKU-2,online,3,,,,,
                SKU-3,S01,lots,0,,,,
                SKU-4,S01,1,0,2026-11-24..2026-11-22,,,
                ,S01,1,0,,,,
                """;
        var snapshot = InventorySnapshot.parseCsv(LocalDate.of(2026, 11, 28), csv, ReplenishmentPolicy.defaults());
        assertEquals(2, snapshot.items().size());
        var one = snapshot.items().get(SeriesKey.of("SKU-1", "S01"));
        assertEquals(36, one.position().position());
        assertEquals(4, one.stockOutDays().size());
        assertTrue(one.stockOutDays().contains(LocalDate.of(2026, 11, 23)));
        assertEquals(5, one.policy().leadTimeDays());
        assertEquals(12, one.policy().minimumOrder());
        assertEquals(6, one.policy().packSize());
        assertEquals(7, one.policy().reviewDays(), "unset columns keep the default");
        assertEquals(
                0,
                snapshot.items().get(SeriesKey.of("SKU-2", "online")).position().onOrder());
        assertEquals(3, snapshot.rejected().size(), snapshot.rejected().toString());
        assertTrue(snapshot.rejected().get(0).contains("on_hand is not a number"));
    }

    @Test
    void aMissingRequiredColumnRejectsTheFile() {
        var snapshot = InventorySnapshot.parseCsv(
                LocalDate.of(2026, 11, 28), "sku,location\nA,S01\n", ReplenishmentPolicy.defaults());
        assertTrue(snapshot.items().isEmpty());
        assertTrue(snapshot.rejected().get(0).contains("on_hand"));
    }
}
