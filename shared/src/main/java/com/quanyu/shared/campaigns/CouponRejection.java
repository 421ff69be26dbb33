package com.quanyu.shared.campaigns;

import java.util.Locale;

/**
 * A coupon operation refused for a reason the caller can act on. {@link Reason#status()} is the
 * HTTP status an API should answer with and {@link Reason#code()} the machine-readable error.
 */
public final class CouponRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a coupon cannot be used. */
    public enum Reason {
        UNKNOWN_CODE(404),
        NOT_REDEEMED(404),
        NOT_YET_VALID(422),
        EXPIRED(422),
        CAMPAIGN_NOT_RUNNING(422),
        WRONG_CHANNEL(422),
        CURRENCY_MISMATCH(422),
        BELOW_MINIMUM_SPEND(422),
        NOT_REDEEMABLE(422),
        NOT_OWNER(403),
        ALREADY_REDEEMED(409),
        CAP_REACHED(409),
        BUDGET_EXHAUSTED(409),
        ORDER_MISMATCH(409),
        RELEASED(409),
        /** Another request for the same code and order is being processed: retry shortly. */
        IN_PROGRESS(409),
        NOT_ELIGIBLE(403);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

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
