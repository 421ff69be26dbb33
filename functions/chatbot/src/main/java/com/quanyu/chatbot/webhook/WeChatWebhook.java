package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.text.MessageText;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * WeChat Official Account server (plain-text mode): {@code GET} verification echoes {@code echostr}
 * when {@code signature = sha1(sort(token, timestamp, nonce))}; {@code POST} carries an XML message
 * signed the same way, answered with a passive XML reply in the response (WeChat waits 5 s, then
 * retries up to three times: a retry of an answered {@code MsgId} gets the same reply again, which
 * WeChat shows once).
 */
final class WeChatWebhook {
    private final ChatbotConfig config;
    private final ChatService chat;
    private final Clock clock;

    WeChatWebhook(ChatbotConfig config, ChatService chat, Clock clock) {
        this.config = config;
        this.chat = chat;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse verify(ApiRequest request) {
        checkSignature(request);
        String echo = request.queryParameter("echostr")
                .orElseThrow(() -> ApiException.invalidField("echostr", "is required"));
        return ApiResponses.text(200, "text/plain; charset=utf-8", echo);
    }

    APIGatewayV2HTTPResponse receive(ApiRequest request) {
        checkSignature(request);
        Map<String, String> xml = parse(Webhooks.body(request));
        String from = required(xml, "FromUserName");
        String account = required(xml, "ToUserName");
        String type = xml.getOrDefault("MsgType", "");
        if (type.equals("event")) {
            // subscribe/unsubscribe/menu clicks: acknowledged, nothing to answer
            return ApiResponses.text(200, "text/plain", "success");
        }
        String messageId =
                xml.containsKey("MsgId") ? xml.get("MsgId") : from + ":" + xml.getOrDefault("CreateTime", "");
        Instant sentAt = Instant.ofEpochSecond(
                parseLong(xml.getOrDefault("CreateTime", ""), clock.instant().getEpochSecond()));
        String text = type.equals("text") ? xml.getOrDefault("Content", "") : "";
        InboundMessage message =
                new InboundMessage(Platform.WECHAT, from, messageId, text, sentAt, null, Map.of("account", account));
        ChatService.Outcome outcome = Webhooks.handle(chat, message, ReplySender.INLINE);
        if (outcome.reply() == null || outcome.reply().silent()) {
            return ApiResponses.text(200, "text/plain", "success");
        }
        return ApiResponses.text(
                200,
                "application/xml; charset=utf-8",
                passiveReply(
                        from, account, outcome.reply().text(), clock.instant().getEpochSecond()));
    }

    private void checkSignature(ApiRequest request) {
        String signature = request.queryParameter("signature").orElse("");
        String timestamp = request.queryParameter("timestamp").orElse("");
        String nonce = request.queryParameter("nonce").orElse("");
        String token = ChatbotConfig.secret(config.wechatToken(), "WeChat").strip();
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        if (!Signatures.constantTimeEquals(Signatures.sha1Hex(String.join("", parts)), signature)) {
            throw ApiException.unauthorized("WeChat signature does not match");
        }
        Webhooks.checkFresh(timestamp, clock.instant());
    }

    /** The passive text reply WeChat expects; CDATA sections split wherever the text contains "]]>". */
    static String passiveReply(String toUser, String fromAccount, String text, long now) {
        String content = MessageText.fit(text, Platform.WECHAT.maxReplyChars() / 3);
        return "<xml><ToUserName>" + cdata(toUser) + "</ToUserName><FromUserName>" + cdata(fromAccount)
                + "</FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>"
                + cdata(content) + "</Content></xml>";
    }

    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** Parses the flat message XML with DTDs and external entities disabled (no XXE). */
    static Map<String, String> parse(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("WeChat message body is empty; XML is required");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document document = builder.parse(new ByteArrayInputStream(body));
            Map<String, String> fields = new HashMap<>();
            for (Node node = document.getDocumentElement().getFirstChild();
                    node != null;
                    node = node.getNextSibling()) {
                if (node.getNodeType() == Node.ELEMENT_NODE) {
                    fields.put(node.getNodeName(), node.getTextContent());
                }
            }
            return fields;
        } catch (Exception e) {
            throw new ApiException(400, "malformed_xml", "WeChat message body is not well-formed XML");
        }
    }

    private static String required(Map<String, String> xml, String field) {
        String value = xml.get(field);
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required in the WeChat message");
        }
        return value;
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
