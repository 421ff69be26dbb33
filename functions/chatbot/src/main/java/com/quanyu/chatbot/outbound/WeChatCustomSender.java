package com.quanyu.chatbot.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.dialogue.Reply;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.shared.text.MessageText;
import java.util.Map;
import java.util.Set;

/**
 * WeChat Official Account customer-service messages ({@code POST /cgi-bin/message/custom/send}): a
 * text to the follower's OpenID, allowed within 48 hours of the follower's last message. The access
 * token goes in the query, as WeChat requires; {@link PlatformHttp} never reports a URL. WeChat
 * answers HTTP 200 with {@code errcode}: 0 is sent; an invalid or expired token (40001, 40014,
 * 42001) is renewed once; anything else (45015: the 48 hours have passed; 45047: too many messages
 * since the follower's last one; -1: busy) is a failed delivery the agent sees.
 */
public final class WeChatCustomSender implements ReplySender {
    private static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);

    private final PlatformHttp http;
    private final String apiBaseUrl;
    private final WeChatAccessToken tokens;

    /** @param apiBaseUrl e.g. {@code https://api.weixin.qq.com} */
    public WeChatCustomSender(PlatformHttp http, String apiBaseUrl, WeChatAccessToken tokens) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.tokens = tokens;
    }

    @Override
    public void send(InboundMessage message, Reply reply) {
        Map<String, Object> body = Map.of(
                "touser",
                message.userId(),
                "msgtype",
                "text",
                "text",
                Map.of(
                        "content",
                        MessageText.fit(reply.text(), message.platform().maxReplyChars())));
        String token = tokens.current();
        for (int attempt = 0; ; attempt++) {
            JsonNode answer = http.postJsonForAnswer(
                    apiBaseUrl + "/cgi-bin/message/custom/send?access_token=" + token,
                    Map.of(),
                    body,
                    "WeChat custom send");
            int code = answer.path("errcode").asInt(0);
            if (code == 0) {
                return;
            }
            if (attempt > 0 || !TOKEN_REFUSED.contains(code)) {
                throw new DeliveryException(
                        "WeChat custom send errcode " + code
                                + (code == 45015 ? " (more than 48 hours since the follower's last message)" : ""),
                        null);
            }
            token = tokens.renewed();
        }
    }
}
