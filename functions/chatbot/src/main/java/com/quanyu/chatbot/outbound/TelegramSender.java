package com.quanyu.chatbot.outbound;

import com.quanyu.chatbot.dialogue.Reply;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.shared.text.MessageText;
import java.util.LinkedHashMap;
import java.util.Map;

/** Telegram Bot API {@code POST /bot<token>/sendMessage} to the message's chat, as a reply to it. */
public final class TelegramSender implements ReplySender {
    private final PlatformHttp http;
    private final String apiBaseUrl;
    private final String botToken;

    /** @param apiBaseUrl e.g. {@code https://api.telegram.org} */
    public TelegramSender(PlatformHttp http, String apiBaseUrl, String botToken) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.botToken = botToken;
    }

    @Override
    public void send(InboundMessage message, Reply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", Long.parseLong(message.context("chatId").orElse(message.userId())));
        body.put("text", MessageText.fit(reply.text(), message.platform().maxReplyChars()));
        message.context("telegramMessageId")
                .ifPresent(id -> body.put(
                        "reply_parameters",
                        Map.of("message_id", Long.parseLong(id), "allow_sending_without_reply", true)));
        http.postJson(apiBaseUrl + "/bot" + botToken + "/sendMessage", Map.of(), body, "Telegram sendMessage");
    }
}
