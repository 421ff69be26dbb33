package com.quanyu.journeys.channel;

import com.quanyu.shared.text.MessageText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messenger Send API ({@code POST /me/messages}). Meta allows a message only inside the 24-hour
 * window after the customer's last message ({@code messaging_type=RESPONSE}) or with a message tag
 * ({@code MESSAGE_TAG}); the journey checks the window before calling this.
 */
public final class MessengerSender implements ChannelSender {
    private static final int MAX_TEXT = 2000;
    private final JsonHttp http = new JsonHttp();
    private final String graphBaseUrl;
    private final Credential pageAccessToken;

    public MessengerSender(String graphBaseUrl, Credential pageAccessToken) {
        this.graphBaseUrl = graphBaseUrl.replaceFirst("/$", "");
        this.pageAccessToken = pageAccessToken;
    }

    @Override
    public boolean configured() {
        return pageAccessToken.present();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return pageAccessToken.with(token -> sendWith(message, token));
    }

    private SendResult sendWith(OutboundMessage message, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", Map.of("id", message.address()));
        if (message.messengerTag().isPresent()) {
            body.put("messaging_type", "MESSAGE_TAG");
            body.put("tag", message.messengerTag().get());
        } else {
            body.put("messaging_type", "RESPONSE");
        }
        body.put("message", Map.of("text", MessageText.fit(message.body(), MAX_TEXT)));
        JsonHttp.Answer answer =
                http.post(graphBaseUrl + "/me/messages", Map.of("authorization", "Bearer " + token), body);
        return JsonHttp.result(
                answer, "Messenger Send API", b -> b.path("message_id").asText(""));
    }
}
