package com.quanyu.journeys.channel;

import com.quanyu.shared.text.MessageText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LINE Messaging API push ({@code POST /v2/bot/message/push}). The step's idempotency key becomes
 * the {@code X-Line-Retry-Key}, so LINE itself refuses a repeated push (HTTP 409: already accepted).
 */
public final class LinePushSender implements ChannelSender {
    private static final int MAX_TEXT = 5000;
    private final JsonHttp http = new JsonHttp();
    private final String apiBaseUrl;
    private final Credential accessToken;

    public LinePushSender(String apiBaseUrl, Credential accessToken) {
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.accessToken = accessToken;
    }

    @Override
    public boolean configured() {
        return accessToken.present();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return accessToken.with(token -> push(message, token));
    }

    private SendResult push(OutboundMessage message, String token) {
        String retryKey = UUID.nameUUIDFromBytes(message.idempotencyKey().getBytes(StandardCharsets.UTF_8))
                .toString();
        JsonHttp.Answer answer = http.post(
                apiBaseUrl + "/v2/bot/message/push",
                Map.of("authorization", "Bearer " + token, "x-line-retry-key", retryKey),
                Map.of(
                        "to",
                        message.address(),
                        "messages",
                        List.of(Map.of("type", "text", "text", MessageText.fit(message.body(), MAX_TEXT)))));
        if (answer.status() == 409) {
            return SendResult.sent("line-retry-key:" + retryKey);
        }
        return JsonHttp.result(
                answer,
                "LINE push API",
                body -> body.path("sentMessages").path(0).path("id").asText(retryKey));
    }

    @Override
    public String toString() {
        return "LinePushSender[" + apiBaseUrl + "]";
    }
}
