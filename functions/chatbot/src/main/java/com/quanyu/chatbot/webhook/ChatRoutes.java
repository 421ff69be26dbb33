package com.quanyu.chatbot.webhook;

import com.quanyu.chatbot.ChatbotApp;
import com.quanyu.chatbot.outbound.LineSender;
import com.quanyu.chatbot.outbound.MetaSender;
import com.quanyu.chatbot.outbound.PlatformHttp;
import com.quanyu.chatbot.outbound.TelegramSender;
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
        var web = new WebChatEndpoint(config, app.chat(), app.clock());
        // WhatsApp needs the business phone number id of the customer's last message, which the queue does not keep
        var agents = new AgentEndpoints(
                app.desk(),
                Map.of(
                        Platform.MESSENGER,
                        metaSender,
                        Platform.INSTAGRAM,
                        metaSender,
                        Platform.LINE,
                        lineSender,
                        Platform.TELEGRAM,
                        telegramSender),
                app.clock());
        return Router.builder()
                .get("/v1/chat/wechat", wechat::verify)
                .post("/v1/chat/wechat", wechat::receive)
                .get("/v1/chat/meta", meta::verify)
                .post("/v1/chat/meta", meta::receive)
                .post("/v1/chat/line", line::receive)
                .post("/v1/chat/telegram", telegram::receive)
                .post("/v1/chat/web", web::receive)
                .get("/v1/chat/handoffs", agents::list)
                .post("/v1/chat/handoffs/reply", agents::reply)
                .post("/v1/chat/handoffs/release", agents::release)
                .build();
    }
}
