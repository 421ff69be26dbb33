package com.quanyu.journeys.channel;

import com.quanyu.shared.text.MessageText;
import java.util.Map;

/** Telegram Bot API {@code POST /bot<token>/sendMessage} to the customer's chat. */
public final class TelegramPushSender implements ChannelSender {
    private static final int MAX_TEXT = 4096;
    private final JsonHttp http = new JsonHttp();
    private final String apiBaseUrl;
    private final Credential botToken;

    public TelegramPushSender(String apiBaseUrl, Credential botToken) {
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.botToken = botToken;
    }

    @Override
    public boolean configured() {
        return botToken.present();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return botToken.with(token -> sendWith(message, token));
    }

    private SendResult sendWith(OutboundMessage message, String token) {
        JsonHttp.Answer answer = http.post(
                apiBaseUrl + "/bot" + token + "/sendMessage",
                Map.of(),
                Map.of("chat_id", message.address(), "text", MessageText.fit(message.body(), MAX_TEXT)));
        if (answer.status() == 403) {
            return SendResult.failed("Telegram: the customer blocked the bot");
        }
        return JsonHttp.result(
                answer,
                "Telegram sendMessage",
                body -> body.path("result").path("message_id").asText(""));
    }
}
