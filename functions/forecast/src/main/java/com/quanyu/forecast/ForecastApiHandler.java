package com.quanyu.forecast;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;

/** Read API for demand forecasts and replenishment suggestions. */
public final class ForecastApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ForecastApiHandler() {
        this(Env.system());
    }

    public ForecastApiHandler(Env env) {
        this.router = Router.builder().build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
