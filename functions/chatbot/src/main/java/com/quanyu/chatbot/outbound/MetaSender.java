package com.quanyu.chatbot.outbound;

import com.quanyu.chatbot.dialogue.Reply;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.shared.text.MessageText;
import java.util.Map;

/**
 * Meta's Send APIs (Graph API): Messenger and Instagram {@code POST /me/messages} with
 * {@code recipient.id} and {@code messaging_type=RESPONSE}; WhatsApp Cloud API
 * {@code POST /<phone number id>/messages} with {@code messaging_product=whatsapp}. The page or
 * system-user access token goes in the Authorization header, never in the URL.
 */
public final class MetaSender implements ReplySender {
    private final PlatformHttp http;
    private final String graphBaseUrl;
    private final String accessToken;

    /** @param graphBaseUrl e.g. {@code https://graph.facebook.com/v21.0} */
    public MetaSender(PlatformHttp http, String graphBaseUrl, String accessToken) {
        this.http = http;
        this.graphBaseUrl = graphBaseUrl.replaceFirst("/$", "");
        this.accessToken = accessToken;
    }

    @Override
    public void send(InboundMessage message, Reply reply) {
        String text = MessageText.fit(reply.text(), message.platform().maxReplyChars());
        Map<String, String> auth = Map.of("authorization", "Bearer " + accessToken);
        if (message.platform() == Platform.WHATSAPP) {
            String phoneNumberId = message.context("phoneNumberId")
                    .orElseThrow(
                            () -> new DeliveryException("WhatsApp message without metadata.phone_number_id", null));
            http.postJson(
                    graphBaseUrl + "/" + phoneNumberId + "/messages",
                    auth,
                    Map.of(
                            "messaging_product",
                            "whatsapp",
                            "recipient_type",
                            "individual",
                            "to",
                            message.userId(),
                            "type",
                            "text",
                            "text",
                            Map.of("preview_url", false, "body", text)),
                    "WhatsApp Cloud API");
        } else {
            http.postJson(
                    graphBaseUrl + "/me/messages",
                    auth,
                    Map.of(
                            "recipient",
                            Map.of("id", message.userId()),
                            "messaging_type",
                            "RESPONSE",
                            "message",
                            Map.of("text", text)),
                    "Messenger Send API");
        }
    }
}
