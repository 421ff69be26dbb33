package com.quanyu.campaigns.api;

import com.quanyu.shared.campaigns.CouponRejection;
import com.quanyu.shared.campaigns.LoyaltyRejection;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.Router;

/** Maps the domain's refusals to HTTP errors with their reason, so no domain error becomes a 500. */
public final class Failures {
    private Failures() {}

    /** Wraps a route: coupon and loyalty refusals keep their status and code; invalid values are 400s. */
    public static Router.Route mapped(Router.Route route) {
        return request -> {
            try {
                return route.handle(request);
            } catch (CouponRejection e) {
                throw api(e);
            } catch (LoyaltyRejection e) {
                throw api(e);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_request", e.getMessage());
            }
        };
    }

    /** A coupon refusal as the API's error: unknown 404, not the caller's 403, a conflict 409, else 422. */
    public static ApiException api(CouponRejection e) {
        int status = switch (e.reason()) {
            case UNKNOWN_CODE, NOT_REDEEMED -> 404;
            case NOT_OWNER, NOT_ELIGIBLE -> 403;
            case ALREADY_REDEEMED, CAP_REACHED, BUDGET_EXHAUSTED, ORDER_MISMATCH, RELEASED, IN_PROGRESS -> 409;
            case NOT_YET_VALID,
                    EXPIRED,
                    CAMPAIGN_NOT_RUNNING,
                    WRONG_CHANNEL,
                    CURRENCY_MISMATCH,
                    BELOW_MINIMUM_SPEND,
                    NOT_REDEEMABLE -> 422;
        };
        return new ApiException(status, e.reason().code(), e.getMessage());
    }

    /** A loyalty refusal as the API's error. */
    public static ApiException api(LoyaltyRejection e) {
        int status = switch (e.reason()) {
            case INSUFFICIENT_POINTS, ORDER_MISMATCH -> 409;
            case NOT_SPENT -> 404;
            case CURRENCY_MISMATCH -> 422;
        };
        return new ApiException(status, e.reason().code(), e.getMessage());
    }
}
