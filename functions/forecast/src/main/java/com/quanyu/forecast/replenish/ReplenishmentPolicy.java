package com.quanyu.forecast.replenish;

/**
 * How one SKU at one location is replenished: a periodic-review order-up-to policy.
 *
 * @param leadTimeDays       days from ordering to the goods being on the shelf
 * @param reviewDays         days between two ordering decisions
 * @param serviceLevel       target probability of no stock-out in a replenishment cycle (0.5 to 0.9999)
 * @param minimumOrder       minimum order quantity (MOQ), 0 for none
 * @param packSize           orders are whole multiples of this (1 for single units)
 * @param overstockCoverDays stock lasting longer than this at forecast demand is flagged as overstock
 */
public record ReplenishmentPolicy(
        int leadTimeDays,
        int reviewDays,
        double serviceLevel,
        double minimumOrder,
        double packSize,
        int overstockCoverDays) {
    public ReplenishmentPolicy {
        if (leadTimeDays < 0 || reviewDays < 1) {
            throw new IllegalArgumentException("lead time must be >= 0 days and review period >= 1 day");
        }
        if (!(serviceLevel >= 0.5 && serviceLevel <= 0.9999)) {
            throw new IllegalArgumentException("service level must be between 0.5 and 0.9999: " + serviceLevel);
        }
        if (minimumOrder < 0 || !(packSize > 0) || overstockCoverDays < 1) {
            throw new IllegalArgumentException("MOQ must be >= 0, pack size > 0, overstock cover >= 1 day");
        }
    }

    /** Weekly review, one week lead time, 95 % service, single units, overstock beyond 90 days of cover. */
    public static ReplenishmentPolicy defaults() {
        return new ReplenishmentPolicy(7, 7, 0.95, 0, 1, 90);
    }

    public ReplenishmentPolicy withLeadTimeDays(int days) {
        return new ReplenishmentPolicy(days, reviewDays, serviceLevel, minimumOrder, packSize, overstockCoverDays);
    }

    public ReplenishmentPolicy withReviewDays(int days) {
        return new ReplenishmentPolicy(leadTimeDays, days, serviceLevel, minimumOrder, packSize, overstockCoverDays);
    }

    public ReplenishmentPolicy withServiceLevel(double level) {
        return new ReplenishmentPolicy(leadTimeDays, reviewDays, level, minimumOrder, packSize, overstockCoverDays);
    }

    public ReplenishmentPolicy withMinimumOrder(double quantity) {
        return new ReplenishmentPolicy(leadTimeDays, reviewDays, serviceLevel, quantity, packSize, overstockCoverDays);
    }

    public ReplenishmentPolicy withPackSize(double size) {
        return new ReplenishmentPolicy(leadTimeDays, reviewDays, serviceLevel, minimumOrder, size, overstockCoverDays);
    }

    /** Lead time plus review period: the demand an order placed now must cover. */
    public int protectionDays() {
        return leadTimeDays + reviewDays;
    }
}
