package com.quanyu.chatbot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;

/** Webhooks of the chat platforms. */
public final class ChatWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ChatWebhookHandler() {
        this(Env.system());
    }

    public ChatWebhookHandler(Env env) {
        this.router = Router.builder().build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
