package com.quanyu.journeys.channel;

import java.util.Map;

/** Telegram Bot API {@code POST /bot<token>/sendMessage} to the customer's chat. */
public final class TelegramSender implements ChannelSender {
    private static final int MAX_TEXT = 4096;
    private final JsonHttp http = new JsonHttp();
    private final String apiBaseUrl;
    private final String botToken;

    public TelegramSender(String apiBaseUrl, String botToken) {
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.botToken = botToken;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        JsonHttp.Answer answer = http.post(apiBaseUrl + "/bot" + botToken + "/sendMessage", Map.of(),
                Map.of("chat_id", message.address(), "text", Texts.fit(message.body(), MAX_TEXT)));
        if (answer.status() == 403) {
            return SendResult.failed("Telegram: the customer blocked the bot");
        }
        return JsonHttp.result(answer, "Telegram sendMessage", body -> body.path("result").path("message_id").asText(""));
    }
}
