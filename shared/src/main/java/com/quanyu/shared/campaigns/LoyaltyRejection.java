package com.quanyu.shared.campaigns;

import java.util.Locale;

/** A loyalty operation refused for a reason the caller can act on; {@link Reason#status()} is the HTTP status. */
public final class LoyaltyRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        INSUFFICIENT_POINTS(409),
        ORDER_MISMATCH(409),
        NOT_SPENT(404),
        CURRENCY_MISMATCH(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

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
