package com.quanyu.chatbot.webhook;

import com.quanyu.chatbot.ChatbotApp;
import com.quanyu.chatbot.outbound.LineSender;
import com.quanyu.chatbot.outbound.MetaSender;
import com.quanyu.chatbot.outbound.PlatformHttp;
import com.quanyu.chatbot.outbound.TelegramSender;
import com.quanyu.chatbot.outbound.WeChatAccessToken;
import com.quanyu.chatbot.outbound.WeChatCustomSender;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.shared.http.Router;
import java.util.Map;

/** The chatbot's HTTP routes, exactly as template.yaml declares them. */
public final class ChatRoutes {
    private ChatRoutes() {}

    public static Router router(ChatbotApp app) {
        ChatbotConfig config = app.config();
        PlatformHttp http = new PlatformHttp();
        var wechat = new WeChatWebhook(config, app.chat(), app.clock());
        ReplySender metaSender = (m, r) -> new MetaSender(
                        http, config.metaGraphUrl(), ChatbotConfig.secret(config.metaAccessToken(), "Meta"))
                .send(m, r);
        ReplySender lineSender = (m, r) -> new LineSender(
                        http, config.lineApiUrl(), ChatbotConfig.secret(config.lineAccessToken(), "LINE"))
                .send(m, r);
        ReplySender telegramSender = (m, r) -> new TelegramSender(
                        http, config.telegramApiUrl(), ChatbotConfig.secret(config.telegramBotToken(), "Telegram"))
                .send(m, r);
        var meta = new MetaWebhook(config, app.chat(), metaSender);
        var line = new LineWebhook(config, app.chat(), lineSender);
        var telegram = new TelegramWebhook(config, app.chat(), telegramSender);
        var web = new WebChatEndpoint(config, app.chat(), app.desk(), app.clock());
        var wechatTokens = new WeChatAccessToken(
                http,
                config.wechatApiUrl(),
                () -> ChatbotConfig.secret(config.wechatAppId(), "WeChat customer-service messages"),
                () -> ChatbotConfig.secret(config.wechatAppSecret(), "WeChat customer-service messages"),
                app.clock());
        ReplySender wechatSender = new WeChatCustomSender(http, config.wechatApiUrl(), wechatTokens);
        // web chat: the agent's line in the transcript is the delivery; the shop's widget polls it (web::poll)
        ReplySender webSender = (m, r) -> {};
        var agents = new AgentEndpoints(
                app.desk(),
                Map.of(
                        Platform.WECHAT,
                        wechatSender,
                        Platform.MESSENGER,
                        metaSender,
                        Platform.INSTAGRAM,
                        metaSender,
                        Platform.WHATSAPP,
                        metaSender,
                        Platform.LINE,
                        lineSender,
                        Platform.TELEGRAM,
                        telegramSender,
                        Platform.WEB,
                        webSender),
                app.clock());
        var catalogue = new CatalogueEndpoints(app.catalogue(), app.clock());
        var faq = new FaqEndpoints(app.faq(), app.clock());
        return Router.builder()
                .get("/v1/chat/wechat", wechat::verify)
                .post("/v1/chat/wechat", wechat::receive)
                .get("/v1/chat/meta", meta::verify)
                .post("/v1/chat/meta", meta::receive)
                .post("/v1/chat/line", line::receive)
                .post("/v1/chat/telegram", telegram::receive)
                .post("/v1/chat/web", web::receive)
                .post("/v1/chat/web/poll", web::poll)
                .get("/v1/chat/handoffs", agents::list)
                .post("/v1/chat/handoffs/reply", agents::reply)
                .post("/v1/chat/handoffs/release", agents::release)
                .get("/v1/chat/catalogue", catalogue::get)
                .put("/v1/chat/catalogue", catalogue::put)
                .get("/v1/chat/faq", faq::get)
                .put("/v1/chat/faq", faq::put)
                .build();
    }
}
