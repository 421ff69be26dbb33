package com.quanyu.forecast.replenish;

/**
 * A replenishment decision for one SKU at one location.
 *
 * @param leadTimeDemand       expected demand during the lead time
 * @param protectionDemand     expected demand during lead time plus review period
 * @param safetyStock          stock held against forecast error over the protection period
 * @param reorderPoint         lead-time demand plus lead-time safety stock (continuous-review trigger)
 * @param orderUpTo            protection-period demand plus safety stock: the target position
 * @param inventoryPosition    on hand plus on order
 * @param suggestedOrder       units to order now, rounded to MOQ and pack size (0 for none)
 * @param daysOfCover          days the position lasts at forecast demand (infinite without demand)
 * @param daysUntilStockout    days until on-hand stock runs out at forecast demand, -1 if not within the horizon
 * @param risk                 stock-out, overstock or none
 * @param reason               a short explanation of the risk or order
 */
public record Suggestion(
        double leadTimeDemand,
        double protectionDemand,
        double safetyStock,
        double reorderPoint,
        double orderUpTo,
        double inventoryPosition,
        double suggestedOrder,
        double daysOfCover,
        int daysUntilStockout,
        Risk risk,
        String reason) {
    /** What is wrong with the stock level, if anything. */
    public enum Risk {
        /** Stock will probably run out before an order placed now arrives. */
        STOCKOUT,
        /** Far more stock than forecast demand needs. */
        OVERSTOCK,
        NONE
    }
}
