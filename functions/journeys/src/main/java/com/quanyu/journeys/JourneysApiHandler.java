package com.quanyu.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.journeys.api.JourneyRoutes;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;
import java.time.Clock;

/** HTTP API of journeys: definitions, metrics, consent, click redirects and unsubscribe links. */
public final class JourneysApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    public JourneysApiHandler() {
        this(Env.system());
    }

    public JourneysApiHandler(Env env) {
        this(JourneysApp.fromEnv(env, Clock.systemUTC()));
    }

    public JourneysApiHandler(JourneysApp app) {
        Router.Builder builder = Router.builder();
        new JourneyRoutes(app).register(builder);
        this.router = builder.build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
