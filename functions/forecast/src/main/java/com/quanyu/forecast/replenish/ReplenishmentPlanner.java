package com.quanyu.forecast.replenish;

import com.quanyu.forecast.engine.SeriesForecast;
import java.util.Locale;

/**
 * Turns a demand forecast and a stock position into an order: periodic review, order up to
 * {@code S = D(L+R) + z * sigma(L+R)}, where D is forecast demand over lead time plus review
 * period and sigma the backtest spread of the error of that total (which keeps the correlation of
 * daily errors). Orders are raised to the MOQ and rounded up to whole packs.
 */
public final class ReplenishmentPlanner {
    private ReplenishmentPlanner() {}

    public static Suggestion plan(SeriesForecast forecast, InventoryPosition stock, ReplenishmentPolicy policy) {
        double z = NormalQuantile.of(policy.serviceLevel());
        int lead = policy.leadTimeDays();
        int protection = policy.protectionDays();
        double leadDemand = forecast.total(lead);
        double protectionDemand = forecast.total(protection);
        double safetyStock = Math.max(0, z * forecast.sigmaOfTotal(protection));
        double reorderPoint = leadDemand + Math.max(0, z * forecast.sigmaOfTotal(lead));
        double orderUpTo = protectionDemand + safetyStock;
        double position = stock.position();
        double order = orderQuantity(orderUpTo - position, policy);
        double dailyRate = forecast.total(forecast.horizon()) / Math.max(1, forecast.horizon());
        double cover = dailyRate > 0 ? position / dailyRate : Double.POSITIVE_INFINITY;
        int stockoutDay = daysUntilStockout(forecast, stock.onHand());
        Suggestion.Risk risk;
        String reason;
        if (position < leadDemand) {
            risk = Suggestion.Risk.STOCKOUT;
            reason = String.format(
                    Locale.ROOT, "position %.1f is below expected lead-time demand %.1f", position, leadDemand);
        } else if (position > 0 && cover > policy.overstockCoverDays()) {
            risk = Suggestion.Risk.OVERSTOCK;
            reason = dailyRate > 0
                    ? String.format(Locale.ROOT, "%.0f days of cover, more than %d", cover, policy.overstockCoverDays())
                    : "stock on hand and no forecast demand";
        } else {
            risk = Suggestion.Risk.NONE;
            reason = order > 0 ? "position below order-up-to level" : "position covers the protection period";
        }
        return new Suggestion(
                leadDemand,
                protectionDemand,
                safetyStock,
                reorderPoint,
                orderUpTo,
                position,
                order,
                cover,
                stockoutDay,
                risk,
                reason);
    }

    /** Raises a positive need to the MOQ, then rounds up to whole packs; no need, no order. */
    static double orderQuantity(double need, ReplenishmentPolicy policy) {
        if (!(need > 1e-9)) {
            return 0;
        }
        double quantity = Math.max(need, policy.minimumOrder());
        return Math.ceil(quantity / policy.packSize() - 1e-9) * policy.packSize();
    }

    private static int daysUntilStockout(SeriesForecast forecast, double onHand) {
        double remaining = onHand;
        double[] demand = forecast.point();
        for (int d = 0; d < demand.length; d++) {
            remaining -= demand[d];
            if (remaining < 0) {
                return d;
            }
        }
        return -1;
    }
}
