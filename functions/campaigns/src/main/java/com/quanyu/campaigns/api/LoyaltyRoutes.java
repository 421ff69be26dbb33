package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.shared.campaigns.Channels;
import com.quanyu.shared.campaigns.LoyaltyAccount;
import com.quanyu.shared.campaigns.LoyaltyChange;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One points balance and tier per customer, read and spent from any channel. */
public final class LoyaltyRoutes {
    private final CampaignsContext context;

    public LoyaltyRoutes(CampaignsContext context) {
        this.context = context;
    }

    public void register(Router.Builder router) {
        router.get("/v1/profiles/{id}/loyalty", Failures.mapped(this::account));
        router.post("/v1/profiles/{id}/loyalty/spend", Failures.mapped(this::spend));
    }

    private APIGatewayV2HTTPResponse account(ApiRequest request) {
        String profileId = context.knownProfileId(request.requiredPathParameter("id"));
        LoyaltyAccount account = context.loyalty().account(profileId);
        Instant now = context.clock().instant();
        LoyaltyChange summary = context.loyalty().summary(profileId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("profileId", profileId);
        view.put("balance", summary.balance());
        view.put("tier", summary.tier());
        view.put("qualifyingPoints", account.qualifyingPoints(context.loyalty().rules(), now));
        view.put("value", Views.amount(context.loyalty().rules().valueOf(summary.balance())));
        view.put("currency", context.loyalty().rules().currency());
        view.put("expiringWithin30Days", account.expiringWithin(Duration.ofDays(30), now));
        return ApiResponses.ok(view);
    }

    /** {@code {"orderId", "points", "channel"}}: pays with points; repeating the same spend is a no-op. */
    private APIGatewayV2HTTPResponse spend(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        LoyaltyChange change = context.loyalty()
                .spend(
                        context.canonicalProfileId(request.requiredPathParameter("id")),
                        body.text("orderId"),
                        body.wholeNumber("points", 1, 100_000_000),
                        Channels.normalise(body.text("channel")));
        return ApiResponses.ok(Views.loyalty(change));
    }
}
