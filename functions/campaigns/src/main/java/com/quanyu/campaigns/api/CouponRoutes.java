package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.shared.campaigns.CouponRejection;
import com.quanyu.shared.campaigns.LoyaltyRejection;
import com.quanyu.shared.campaigns.Redemption;
import com.quanyu.shared.campaigns.RedemptionRequest;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Coupon lookup, redemption from any channel (web, app, chat, store POS), release and order refunds. */
public final class CouponRoutes {
    private final CampaignsContext context;
    private final CouponPosImport pos;

    public CouponRoutes(CampaignsContext context) {
        this.context = context;
        this.pos = new CouponPosImport(context.coupons(), context::canonicalProfileId);
    }

    public void register(Router.Builder router) {
        router.get("/v1/coupons/{code}", Failures.mapped(this::get));
        router.post("/v1/coupons/{code}/redeem", Failures.mapped(this::redeem));
        router.post("/v1/coupons/{code}/release", Failures.mapped(this::release));
        router.post("/v1/pos/redemptions", Failures.mapped(this::posBatch));
        router.post("/v1/orders/{orderId}/refund", Failures.mapped(this::refund));
        router.get("/v1/profiles/{id}/coupons", Failures.mapped(this::ofProfile));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        String code = request.requiredPathParameter("code");
        var coupon = context.coupons()
                .find(code)
                .orElseThrow(
                        () -> new CouponRejection(CouponRejection.Reason.UNKNOWN_CODE, "no coupon with code " + code));
        Map<String, Object> view = new LinkedHashMap<>(Views.coupon(coupon));
        context.coupons().campaigns().find(coupon.campaignId()).ifPresent(c -> {
            view.put("offer", Views.offer(c.campaign().offer()));
            view.put("channels", c.campaign().channels());
            view.put("currency", c.campaign().currency());
        });
        return ApiResponses.ok(view);
    }

    /**
     * {@code {"orderId", "channel", "total", "currency", "profileId"?, "shipping"?}}; repeating a
     * request for the same order returns the first outcome.
     */
    private APIGatewayV2HTTPResponse redeem(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        String currency = body.currency("currency");
        Redemption redemption = context.coupons()
                .redeem(new RedemptionRequest(
                        request.requiredPathParameter("code"),
                        body.text("orderId"),
                        body.text("channel"),
                        body.optionalText("profileId")
                                .map(context::canonicalProfileId)
                                .orElse(null),
                        body.money("total", currency),
                        body.optionalMoney("shipping", currency).orElse(null)));
        return ApiResponses.ok(Views.redemption(redemption));
    }

    /** {@code {"orderId"}}: gives the use back (abandoned checkout, cancelled order). */
    private APIGatewayV2HTTPResponse release(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        return ApiResponses.ok(Views.redemption(
                context.coupons().release(request.requiredPathParameter("code"), body.text("orderId"))));
    }

    /** {@code {"storeId", "redemptions": [{"code", "orderId", "total", "currency", "profileId"?}]}}. */
    private APIGatewayV2HTTPResponse posBatch(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        List<Map<String, Object>> results = pos.redeemAll(body.objects("redemptions"));
        long ok = results.stream()
                .filter(r -> Integer.valueOf(200).equals(r.get("status")))
                .count();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("storeId", body.optionalText("storeId").orElse(null));
        view.put("redeemed", ok);
        view.put("refused", results.size() - ok);
        view.put("results", results);
        return ApiResponses.ok(view);
    }

    /**
     * {@code {"profileId"?}}: releases every coupon the order used and, with the buyer's profile,
     * returns the points it spent and takes back the points it earned. Safe to repeat.
     */
    private APIGatewayV2HTTPResponse refund(ApiRequest request) {
        String orderId = request.requiredPathParameter("orderId");
        Body body =
                request.body().isBlank() ? Body.of(com.quanyu.shared.json.Json.object()) : Body.of(request.jsonBody());
        List<Redemption> redemptions = context.coupons().redemptionsOfOrder(orderId);
        var profileId = body.optionalText("profileId").map(context::canonicalProfileId);
        boolean loyaltyKnowsOrder = profileId
                .map(id -> {
                    var account = context.loyalty().account(id);
                    return account.spends().containsKey(orderId) || account.credited(orderId);
                })
                .orElse(false);
        if (redemptions.isEmpty() && !loyaltyKnowsOrder) {
            throw ApiException.notFound("no coupon redemption or loyalty points are recorded for order " + orderId);
        }
        List<Map<String, Object>> released = new ArrayList<>();
        for (Redemption r : redemptions) {
            if (r.state() != Redemption.State.RELEASED) {
                released.add(Views.redemption(context.coupons().release(r.code(), orderId)));
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", orderId);
        view.put("releasedCoupons", released);
        profileId.ifPresent(id -> {
            try {
                view.put("loyalty", Views.loyalty(context.loyalty().refundOrder(id, orderId)));
            } catch (LoyaltyRejection e) {
                throw Failures.api(e);
            }
        });
        return ApiResponses.ok(view);
    }

    private APIGatewayV2HTTPResponse ofProfile(ApiRequest request) {
        String profileId = context.knownProfileId(request.requiredPathParameter("id"));
        return ApiResponses.ok(Map.of(
                "profileId",
                profileId,
                "coupons",
                context.coupons().couponsOf(profileId).stream()
                        .map(Views::coupon)
                        .toList()));
    }
}
