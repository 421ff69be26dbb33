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
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;

/** HTTP API of campaigns, coupons, loyalty, audiences, next best offer and ad budget allocation. */
public final class CampaignsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

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
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }
}
