package com.quanyu.shared.campaigns;

import java.util.Locale;

/**
 * A coupon operation refused for a reason the caller can act on; {@link Reason#code()} is the
 * machine-readable error (an API decides its status).
 */
public final class CouponRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a coupon cannot be used. */
    public enum Reason {
        UNKNOWN_CODE,
        NOT_REDEEMED,
        NOT_YET_VALID,
        EXPIRED,
        CAMPAIGN_NOT_RUNNING,
        WRONG_CHANNEL,
        CURRENCY_MISMATCH,
        BELOW_MINIMUM_SPEND,
        NOT_REDEEMABLE,
        NOT_OWNER,
        ALREADY_REDEEMED,
        CAP_REACHED,
        BUDGET_EXHAUSTED,
        ORDER_MISMATCH,
        RELEASED,
        /** Another request for the same code and order is being processed: retry shortly. */
        IN_PROGRESS,
        NOT_ELIGIBLE;

        /** e.g. {@code coupon_expired}. */
        public String code() {
            String name = name().toLowerCase(Locale.ROOT);
            return name.startsWith("coupon") ? name : "coupon_" + name;
        }
    }

    private final Reason reason;

    public CouponRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
