package com.quanyu.chatbot.outbound;

import com.quanyu.chatbot.dialogue.Reply;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.text.MessageText;
import java.util.List;
import java.util.Map;

/**
 * LINE Messaging API: {@code POST /v2/bot/message/reply} with the event's reply token; for a
 * redelivered event (its reply token may have expired) {@code POST /v2/bot/message/push} with an
 * {@code X-Line-Retry-Key} derived from the event, so LINE itself drops a repeated push.
 */
public final class LineSender implements ReplySender {
    private final PlatformHttp http;
    private final String apiBaseUrl;
    private final String accessToken;

    /** @param apiBaseUrl e.g. {@code https://api.line.me} */
    public LineSender(PlatformHttp http, String apiBaseUrl, String accessToken) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.accessToken = accessToken;
    }

    @Override
    public void send(InboundMessage message, Reply reply) {
        List<Map<String, String>> messages = List.of(Map.of(
                "type",
                "text",
                "text",
                MessageText.fit(reply.text(), message.platform().maxReplyChars())));
        boolean redelivery =
                message.context("redelivery").map(Boolean::parseBoolean).orElse(false);
        String replyToken = message.context("replyToken").orElse(null);
        if (!redelivery && replyToken != null) {
            http.postJson(
                    apiBaseUrl + "/v2/bot/message/reply",
                    Map.of("authorization", "Bearer " + accessToken),
                    Map.of("replyToken", replyToken, "messages", messages),
                    "LINE reply API");
            return;
        }
        String retryKey = uuidFrom(Signatures.sha256Hex("line-push:" + message.messageId()));
        http.postJson(
                apiBaseUrl + "/v2/bot/message/push",
                Map.of("authorization", "Bearer " + accessToken, "x-line-retry-key", retryKey),
                Map.of("to", message.userId(), "messages", messages),
                "LINE push API");
    }

    private static String uuidFrom(String hex) {
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }
}
