package com.quanyu.shared.campaigns;

import java.util.Locale;

/** A loyalty operation refused for a reason the caller can act on (an API decides its status). */
public final class LoyaltyRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        INSUFFICIENT_POINTS,
        ORDER_MISMATCH,
        NOT_SPENT,
        CURRENCY_MISMATCH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;

    public LoyaltyRejection(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
