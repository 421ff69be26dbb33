package com.quanyu.chatbot.webhook;

import com.quanyu.chatbot.ChatbotApp;
import com.quanyu.chatbot.outbound.LineSender;
import com.quanyu.chatbot.outbound.MetaSender;
import com.quanyu.chatbot.outbound.PlatformHttp;
import com.quanyu.chatbot.outbound.TelegramSender;
import com.quanyu.shared.http.Router;

/** The chatbot's HTTP routes, exactly as template.yaml declares them. */
public final class ChatRoutes {
    private ChatRoutes() {
    }

    public static Router router(ChatbotApp app) {
        ChatbotConfig config = app.config();
        PlatformHttp http = new PlatformHttp();
        var wechat = new WeChatWebhook(config, app.chat(), app.clock());
        var meta = new MetaWebhook(config, app.chat(),
                (m, r) -> new MetaSender(http, config.metaGraphUrl(), ChatbotConfig.secret(config.metaAccessToken(), "Meta")).send(m, r));
        var line = new LineWebhook(config, app.chat(),
                (m, r) -> new LineSender(http, config.lineApiUrl(), ChatbotConfig.secret(config.lineAccessToken(), "LINE")).send(m, r));
        var telegram = new TelegramWebhook(config, app.chat(),
                (m, r) -> new TelegramSender(http, config.telegramApiUrl(), ChatbotConfig.secret(config.telegramBotToken(), "Telegram")).send(m, r));
        var web = new WebChatEndpoint(config, app.chat(), app.clock());
        var agents = new AgentEndpoints(app.desk());
        return Router.builder()
                .get("/v1/chat/wechat", wechat::verify)
                .post("/v1/chat/wechat", wechat::receive)
                .get("/v1/chat/meta", meta::verify)
                .post("/v1/chat/meta", meta::receive)
                .post("/v1/chat/line", line::receive)
                .post("/v1/chat/telegram", telegram::receive)
                .post("/v1/chat/web", web::receive)
                .get("/v1/chat/handoffs", agents::list)
                .post("/v1/chat/handoffs/release", agents::release)
                .build();
    }
}
