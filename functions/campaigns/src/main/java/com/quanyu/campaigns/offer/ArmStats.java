package com.quanyu.campaigns.offer;

/**
 * Offer outcomes counted for one campaign in one context (or all contexts).
 *
 * @param shown    offers shown
 * @param redeemed of those, redeemed within the attribution window
 */
public record ArmStats(long shown, long redeemed) {
    public static final ArmStats NONE = new ArmStats(0, 0);

    public ArmStats {
        if (shown < 0 || redeemed < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        redeemed = Math.min(redeemed, shown); // a late redemption of an uncounted impression must not exceed shows
    }
}
