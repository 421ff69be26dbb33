package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;

/** HTTP API of the ingest function: Segment-compatible event intake and profile admin routes. */
public final class IngestApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public IngestApiHandler() {
        this(Env.system());
    }

    public IngestApiHandler(Env env) {
        this.router = Router.builder().build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
