package com.quanyu.forecast.job;

import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import java.time.ZoneId;

/**
 * Settings of the daily forecasting job.
 *
 * @param zone          the brand's time zone: business days and "yesterday" are counted in it
 * @param historyDays   days of sales history read (two years catch last year's festivals)
 * @param accuracyDays  forecasts are scored over this many days, from the run that many days ago
 * @param policy        replenishment policy for items whose import row does not override it
 * @param engine        the forecasting engine's settings
 */
public record JobSettings(
        ZoneId zone, int historyDays, int accuracyDays, ReplenishmentPolicy policy, EngineConfig engine) {
    public JobSettings {
        if (historyDays < 28 || accuracyDays < 1) {
            throw new IllegalArgumentException("history >= 28 days, accuracy days >= 1");
        }
    }
}
