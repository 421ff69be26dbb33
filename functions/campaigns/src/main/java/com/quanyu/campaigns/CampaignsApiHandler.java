package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.api.AdRoutes;
import com.quanyu.campaigns.api.AudienceRoutes;
import com.quanyu.campaigns.api.CampaignRoutes;
import com.quanyu.campaigns.api.CouponRoutes;
import com.quanyu.campaigns.api.LoyaltyRoutes;
import com.quanyu.campaigns.api.OfferRoutes;
import com.quanyu.campaigns.api.Views;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.campaigns.offer.OfferContext;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.aws.SnapStartPriming;
import com.quanyu.shared.campaigns.LoyaltyAccount;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** HTTP API of campaigns, coupons, loyalty, audiences, next best offer and ad budget allocation. */
public final class CampaignsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The profile the priming asks for: none has this id, so every priming request ends in a 404. */
    static final String PRIMING_PROFILE = "priming";

    private final Router router;
    private final SnapStartPriming priming;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public CampaignsApiHandler() {
        this(Env.system());
    }

    public CampaignsApiHandler(Env env) {
        this(CampaignsContext.fromEnv(env));
    }

    /** Over a prepared context (tests with a controlled clock). */
    public CampaignsApiHandler(CampaignsContext context) {
        Router.Builder builder = Router.builder();
        new CampaignRoutes(context).register(builder);
        new CouponRoutes(context).register(builder);
        new LoyaltyRoutes(context).register(builder);
        new AudienceRoutes(context).register(builder);
        new OfferRoutes(context).register(builder);
        new AdRoutes(context).register(builder);
        this.router = builder.build();
        this.priming = SnapStartPriming.register("campaigns-api", () -> prime(context));
    }

    /**
     * The request path without effects, for the SnapStart snapshot: Customer 360's three calls
     * (coupons, loyalty, next best offer) for a profile that does not exist (routing, the staff
     * check, the profile resolution in DynamoDB, the 404), then the reads those calls make for a
     * known customer, for one without data (a coupon query, the loyalty account and its figures,
     * the campaigns an offer may choose from), and the campaign list. Nothing is written: the
     * offer's decision (group assignment, remembered decision) is left out.
     */
    private void prime(CampaignsContext context) {
        Map<String, String> id = Map.of("id", PRIMING_PROFILE);
        String profile = "/v1/profiles/" + PRIMING_PROFILE;
        SnapStartPriming.handle(
                router, SnapStartPriming.staffGet("GET /v1/profiles/{id}/coupons", profile + "/coupons", id));
        SnapStartPriming.handle(
                router, SnapStartPriming.staffGet("GET /v1/profiles/{id}/loyalty", profile + "/loyalty", id));
        SnapStartPriming.handle(
                router,
                SnapStartPriming.staffGet(
                        "GET /v1/profiles/{id}/offer", profile + "/offer", id, Map.of("channel", "web")));
        Instant now = context.clock().instant();
        context.coupons().couponsOf(PRIMING_PROFILE).forEach(Views::coupon);
        LoyaltyAccount account = context.loyalty().account(PRIMING_PROFILE);
        account.qualifyingPoints(context.loyalty().rules(), now);
        account.expiringWithin(Duration.ofDays(30), now);
        Views.loyalty(context.loyalty().summary(PRIMING_PROFILE));
        ProfileView nobody = new ProfileView(PRIMING_PROFILE, Json.object());
        OfferContext.of(nobody);
        context.offers().eligible(nobody, "web", now);
        SnapStartPriming.handle(router, SnapStartPriming.staffGet("GET /v1/campaigns", "/v1/campaigns", Map.of()));
    }

    /** The snapshot priming this handler registered (tests run it directly). */
    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }
}
