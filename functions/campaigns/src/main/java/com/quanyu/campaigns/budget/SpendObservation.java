package com.quanyu.campaigns.budget;

/**
 * One day of one ad channel.
 *
 * @param spend       money spent, in currency units
 * @param conversions conversions attributed to it
 */
public record SpendObservation(double spend, long conversions) {
    public SpendObservation {
        if (!(spend >= 0) || Double.isInfinite(spend) || conversions < 0) {
            throw new IllegalArgumentException("spend and conversions must be non-negative");
        }
    }
}
