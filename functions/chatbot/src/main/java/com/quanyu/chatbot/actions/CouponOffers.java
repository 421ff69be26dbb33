package com.quanyu.chatbot.actions;

import java.time.Instant;
import java.util.Optional;

/** Coupons the bot may hand out: backed by the campaigns team's coupon ledger, the one coupon store. */
public interface CouponOffers {
    /** A coupon usable in every channel, with the campaign's offer (its discount and minimum spend). */
    record IssuedCoupon(
            String code, Instant validUntil, boolean alreadyHeld, com.quanyu.shared.campaigns.Offer offer) {}

    /** The customer's existing chat coupon, or a newly issued one; empty when no campaign offers one. */
    Optional<IssuedCoupon> couponFor(String profileId);
}
