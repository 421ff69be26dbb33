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
                throw new ApiException(e.reason().status(), e.reason().code(), e.getMessage());
            } catch (LoyaltyRejection e) {
                throw new ApiException(e.reason().status(), e.reason().code(), e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "invalid_request", e.getMessage());
            }
        };
    }
}
