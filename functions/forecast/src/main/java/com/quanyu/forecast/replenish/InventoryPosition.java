package com.quanyu.forecast.replenish;

/**
 * Stock of one SKU at one location.
 *
 * @param onHand  units on the shelf or in the warehouse (negative means backorders)
 * @param onOrder units ordered and not yet received
 */
public record InventoryPosition(double onHand, double onOrder) {
    public InventoryPosition {
        if (!Double.isFinite(onHand) || !Double.isFinite(onOrder) || onOrder < 0) {
            throw new IllegalArgumentException("on-hand must be finite and on-order >= 0");
        }
    }

    public static InventoryPosition of(double onHand, double onOrder) {
        return new InventoryPosition(onHand, onOrder);
    }

    /** What ordering decisions are based on: on hand plus on order. */
    public double position() {
        return onHand + onOrder;
    }
}
