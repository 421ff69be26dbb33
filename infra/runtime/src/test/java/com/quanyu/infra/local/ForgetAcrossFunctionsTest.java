package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The right to be forgotten across functions, through the local runtime over HTTP: a web-shop
 * customer chats on WeChat and gives their phone (the chatbot joins the chat to their profile);
 * DELETE /v1/profiles/{phone} (staff in group admin) then removes the profile and the conversation too.
 */
class ForgetAcrossFunctionsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, false), List.of());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void deletingAProfileErasesItsChatConversation() throws Exception {
        String phone = "138" + String.format("%08d", System.nanoTime() % 100_000_000);
        String writeKey = new SourceRegistry(
                        runtime.platform().standIns().dynamo(),
                        runtime.platform().standIns().envFor("IngestFunction").required("SOURCES_TABLE"))
                .register("shop", "web")
                .writeKey();
        HttpResponse<String> identify = send(
                "POST",
                "/v1/identify",
                Map.of(
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))),
                Json.write(Map.of(
                        "type",
                        "identify",
                        "userId",
                        "u-" + phone,
                        "messageId",
                        "m-" + phone,
                        "traits",
                        Map.of("phone", phone))));
        assertEquals(200, identify.statusCode(), identify.body());
        runtime.deliverStreams(); // accepted means buffered; the consumer folds it (a poller would within ~200 ms)
        Map<String, String> admin = Map.of("authorization", "Bearer " + runtime.staffToken("admin"));
        HttpResponse<String> scores = send("GET", "/v1/profiles/u-" + phone + "/scores", admin, null);
        assertEquals(
                200, scores.statusCode(), "the score API resolves a userId like the admin routes: " + scores.body());

        String openId = "o" + phone;
        HttpResponse<String> chat = wechat(openId, "1" + phone, "你好，我的手机号是" + phone);
        assertEquals(200, chat.statusCode(), chat.body());
        assertFalse(conversationItems().isEmpty(), "the chat is stored");
        assertTrue(
                conversationItems().stream().anyMatch(i -> i.containsKey("profileId")),
                "the chat is linked to the profile");

        assertEquals(
                200, send("GET", "/v1/profiles/phone:" + phone, admin, null).statusCode());
        HttpResponse<String> deleted = send("DELETE", "/v1/profiles/phone:" + phone, admin, null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(conversationItems().isEmpty(), "conversation state and transcript are erased");
        int after = send("GET", "/v1/profiles/phone:" + phone, admin, null).statusCode();
        assertTrue(after == 404 || after == 410, "a forgotten profile no longer resolves: " + after);
    }

    private static List<Map<String, AttributeValue>> conversationItems() {
        String table = runtime.platform().standIns().envFor("ChatbotFunction").required("CONVERSATIONS_TABLE");
        return runtime.platform().standIns().dynamo().scan(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("conv#"))
                .toList();
    }

    private static HttpResponse<String> wechat(String openId, String msgId, String text) throws Exception {
        String token = runtime.platform().secret("WECHAT_TOKEN");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = "n" + msgId;
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        String signature = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        String xml = "<xml><ToUserName><![CDATA[gh_quanyu]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName>"
                + "<CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        String query = "?signature=" + signature + "&timestamp=" + timestamp + "&nonce="
                + URLEncoder.encode(nonce, StandardCharsets.UTF_8) + "&openid=" + openId;
        return send("POST", "/v1/chat/wechat" + query, Map.of("content-type", "text/xml"), xml);
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path));
        headers.forEach(request::header);
        if (body != null && !headers.containsKey("content-type")) {
            request.header("content-type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
