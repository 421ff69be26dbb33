package com.quanyu.shared.campaigns;

import java.time.Instant;

/**
 * A coupon code and its remaining uses.
 *
 * @param code       the code customers type or scan, upper case
 * @param campaignId the campaign whose offer it carries
 * @param kind       unique (one customer) or shared (capped)
 * @param profileId  for a unique code, the customer it was issued to; null for shared codes
 * @param cap        how many redemptions the code allows in total
 * @param remaining  redemptions left (cap minus confirmed and in-flight ones)
 * @param validFrom  first moment it can be redeemed
 * @param validUntil moment it expires (exclusive)
 * @param issuedAt   when it was created
 */
public record Coupon(
        String code,
        String campaignId,
        CouponKind kind,
        String profileId,
        long cap,
        long remaining,
        Instant validFrom,
        Instant validUntil,
        Instant issuedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(validUntil);
    }

    public boolean notYetValidAt(Instant now) {
        return now.isBefore(validFrom);
    }
}
