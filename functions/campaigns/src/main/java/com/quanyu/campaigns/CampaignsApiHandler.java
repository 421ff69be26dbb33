package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;

/** HTTP API of campaigns, coupons, loyalty, audiences and offers. */
public final class CampaignsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public CampaignsApiHandler() {
        this(Env.system());
    }

    public CampaignsApiHandler(Env env) {
        this.router = Router.builder().build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
