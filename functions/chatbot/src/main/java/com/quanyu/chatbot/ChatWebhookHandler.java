package com.quanyu.chatbot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.chatbot.webhook.ChatRoutes;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.aws.SnapStartPriming;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.Router;
import java.time.Clock;

/**
 * Webhooks of the chat platforms (WeChat, Meta: Messenger/Instagram/WhatsApp, LINE, Telegram), the
 * web shop's chat endpoint and the agents' handoff API. Thin: routes to {@link ChatRoutes}.
 */
public final class ChatWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;
    /**
     * Before the SnapStart snapshot: embeds the brand's FAQ (loading the sentence encoders, ~10 s in
     * a cold JVM), so no customer's first FAQ question in a restored environment waits for it.
     */
    private final SnapStartPriming priming;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ChatWebhookHandler() {
        this(Env.system());
    }

    public ChatWebhookHandler(Env env) {
        this(ChatbotApp.fromEnv(env, Clock.systemUTC()));
    }

    /** Over an already wired app (tests with a fixed clock). */
    public ChatWebhookHandler(ChatbotApp app) {
        this.router = ChatRoutes.router(app);
        this.priming = SnapStartPriming.register("chatbot", app.faqAnswers()::prime);
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
