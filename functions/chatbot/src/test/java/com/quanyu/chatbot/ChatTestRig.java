package com.quanyu.chatbot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.chatbot.nlu.Understander;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chatbot function as deployed (template.yaml's environment, dynalite, the real handler), its
 * platforms replaced by a {@link PlatformStandIn}, with helpers that sign requests like each platform.
 */
public final class ChatTestRig implements AutoCloseable {
    public static final String WECHAT_TOKEN = "wechat-test-token";
    public static final String META_SECRET = "meta-app-secret";
    public static final String META_VERIFY = "meta-verify";
    public static final String LINE_SECRET = "line-channel-secret";
    public static final String TELEGRAM_SECRET = "telegram-secret-token";
    public static final String TELEGRAM_BOT = "123456:bot-token";
    public static final String WEB_KEY = "web-chat-key";
    private static Understander understander;
    private static PlatformStandIn sharedPlatform;

    /** One stand-in per test JVM (stopping an HttpServer takes a second); tests tell their requests apart by user id. */
    public static final String SECRET_ID = "quanyu/test/chatbot";

    public final PlatformStandIn platform = sharedPlatform();
    private final SecretsManagerStandIn secrets;
    public final Env env;
    public final ChatWebhookHandler handler;
    public final String run = Long.toString(System.nanoTime(), 36);

    public ChatTestRig(StandIns aws) {
        this(aws, Map.of());
    }

    /**
     * With some of the chat secret's fields replaced (e.g. the local secrets the sample events are
     * signed with). The secrets are served by a Secrets Manager stand-in the real SDK client reads.
     */
    public ChatTestRig(StandIns aws, Map<String, String> secretOverrides) {
        Map<String, String> secret = new java.util.LinkedHashMap<>(Map.of(
                "wechatToken",
                WECHAT_TOKEN,
                "metaAppSecret",
                META_SECRET,
                "metaVerifyToken",
                META_VERIFY,
                "metaAccessToken",
                "meta-access",
                "lineChannelSecret",
                LINE_SECRET,
                "lineAccessToken",
                "line-access",
                "telegramSecretToken",
                TELEGRAM_SECRET,
                "telegramBotToken",
                TELEGRAM_BOT,
                "webChatKey",
                WEB_KEY));
        secret.putAll(secretOverrides);
        secrets = SecretsManagerStandIn.withValues(Map.of(SECRET_ID, Json.write(secret)));
        env = aws.envFor("ChatbotFunction")
                .with(Map.ofEntries(
                        Map.entry("CHAT_SECRETS_ID", SECRET_ID),
                        Map.entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint()),
                        Map.entry("META_GRAPH_API_URL", platform.url() + "/v21.0"),
                        Map.entry("LINE_API_URL", platform.url()),
                        Map.entry("TELEGRAM_API_URL", platform.url())));
        handler = new ChatWebhookHandler(ChatbotApp.fromEnv(env, Clock.systemUTC(), shippedUnderstander()));
    }

    private static synchronized PlatformStandIn sharedPlatform() {
        if (sharedPlatform == null) {
            sharedPlatform = new PlatformStandIn();
        }
        return sharedPlatform;
    }

    /** Loading the model takes a moment: once per test JVM. */
    public static synchronized Understander shippedUnderstander() {
        if (understander == null) {
            understander = Understander.shipped(Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai"));
        }
        return understander;
    }

    /** A web-shop customer with a phone number and one paid order, ingested like the shop would. */
    public record Customer(String userId, String phone, String orderId) {}

    public Customer webShopCustomerWithOrder() {
        String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String orderId = "QY2026" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String userId = "shop-user-" + run + ThreadLocalRandom.current().nextInt(1000);
        String event = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"" + userId
                + "\",\"messageId\":\"m-" + orderId + "\","
                + "\"context\":{\"traits\":{\"phone\":\"" + phone + "\"}},"
                + "\"properties\":{\"order_id\":\"" + orderId + "\",\"total\":199,\"currency\":\"CNY\","
                + "\"products\":[{\"sku\":\"TEA-1\",\"name\":\"龙井茶 Longjing tea\",\"quantity\":2,\"price\":99.5}]}}";
        try {
            CustomerStores.fromEnv(env).pipeline(null).ingest(Source.of("web-shop", "web"), List.of(Json.parse(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Customer(userId, phone, orderId);
    }

    // ---------------------------------------------------------------- requests

    public APIGatewayV2HTTPResponse call(
            String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
        return handler.handleRequest(StaffClaims.authorised(event(method, path, headers, query, body)), null);
    }

    /** A request of a staff member in {@code groups} (none: no verified token at all). */
    public APIGatewayV2HTTPResponse callAs(List<String> groups, String method, String path, String body) {
        APIGatewayV2HTTPEvent event = event(method, path, Map.of(), Map.of(), body);
        return handler.handleRequest(
                groups.isEmpty() ? event : StaffClaims.as(event, groups.toArray(String[]::new)), null);
    }

    private static APIGatewayV2HTTPEvent event(
            String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withHeaders(headers)
                .withQueryStringParameters(query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-" + System.nanoTime())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .build())
                        .build())
                .build();
    }

    public static Map<String, String> wechatQuery(String token, long timestamp) {
        String nonce = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
        String[] parts = {token, Long.toString(timestamp), nonce};
        Arrays.sort(parts);
        return Map.of(
                "signature",
                Signatures.sha1Hex(String.join("", parts)),
                "timestamp",
                Long.toString(timestamp),
                "nonce",
                nonce,
                "openid",
                "ignored");
    }

    public APIGatewayV2HTTPResponse wechat(String openId, String msgId, String text) {
        String xml = "<xml><ToUserName><![CDATA[gh_quanyu]]></ToUserName><FromUserName><![CDATA[" + openId
                + "]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        return call(
                "POST",
                "/v1/chat/wechat",
                Map.of("content-type", "text/xml"),
                wechatQuery(WECHAT_TOKEN, Instant.now().getEpochSecond()),
                xml);
    }

    public APIGatewayV2HTTPResponse meta(String body) {
        return call(
                "POST",
                "/v1/chat/meta",
                Map.of(
                        "content-type",
                        "application/json",
                        "X-Hub-Signature-256",
                        "sha256="
                                + Signatures.hex(
                                        Signatures.hmacSha256(META_SECRET, body.getBytes(StandardCharsets.UTF_8)))),
                Map.of(),
                body);
    }

    public static String messenger(String psid, String mid, String text) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\""
                + psid
                + "\"},\"recipient\":{\"id\":\"PAGE\"},\"timestamp\":" + System.currentTimeMillis()
                + ",\"message\":{\"mid\":\""
                + mid + "\",\"text\":" + Json.write(text) + "}}]}]}";
    }

    public static String instagram(String igsid, String mid, String text) {
        return messenger(igsid, mid, text).replace("\"object\":\"page\"", "\"object\":\"instagram\"");
    }

    public static String whatsapp(String waId, String id, String text) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"PNID77\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"A\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\""
                + waId + "\",\"id\":\""
                + id + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":" + Json.write(text) + "}}]}}]}]}";
    }

    public APIGatewayV2HTTPResponse line(String body) {
        return call(
                "POST",
                "/v1/chat/line",
                Map.of(
                        "content-type",
                        "application/json",
                        "x-line-signature",
                        Base64.getEncoder()
                                .encodeToString(
                                        Signatures.hmacSha256(LINE_SECRET, body.getBytes(StandardCharsets.UTF_8)))),
                Map.of(),
                body);
    }

    public static String lineText(String userId, String eventId, String replyToken, String text, boolean redelivery) {
        return "{\"destination\":\"Ubot\",\"events\":[{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":"
                + System.currentTimeMillis()
                + ",\"source\":{\"type\":\"user\",\"userId\":\"" + userId + "\"},\"webhookEventId\":\"" + eventId
                + "\","
                + "\"deliveryContext\":{\"isRedelivery\":" + redelivery + "},\"replyToken\":\"" + replyToken + "\","
                + "\"message\":{\"id\":\"m" + eventId + "\",\"type\":\"text\",\"text\":" + Json.write(text) + "}}]}";
    }

    public APIGatewayV2HTTPResponse telegram(String secret, String body) {
        return call(
                "POST",
                "/v1/chat/telegram",
                Map.of("content-type", "application/json", "X-Telegram-Bot-Api-Secret-Token", secret),
                Map.of(),
                body);
    }

    public static String telegramUpdate(long updateId, long userId, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (updateId % 100000)
                + ",\"from\":{\"id\":" + userId
                + ",\"is_bot\":false,\"first_name\":\"T\",\"language_code\":\"en\"},\"chat\":{\"id\":" + userId
                + ",\"type\":\"private\"},"
                + "\"date\":" + Instant.now().getEpochSecond() + ",\"text\":" + Json.write(text) + "}}";
    }

    public APIGatewayV2HTTPResponse web(String body, long timestamp) {
        String ts = Long.toString(timestamp);
        byte[] signed = (ts + "." + body).getBytes(StandardCharsets.UTF_8);
        return call(
                "POST",
                "/v1/chat/web",
                Map.of(
                        "content-type",
                        "application/json",
                        "x-quanyu-timestamp",
                        ts,
                        "x-quanyu-signature",
                        Signatures.hex(Signatures.hmacSha256(WEB_KEY, signed))),
                Map.of(),
                body);
    }

    public APIGatewayV2HTTPResponse web(String userId, String messageId, String text) {
        return web(
                "{\"userId\":\"" + userId + "\",\"messageId\":\"" + messageId + "\",\"text\":" + Json.write(text) + "}",
                Instant.now().getEpochSecond());
    }

    /** Nothing to stop: the stand-in lives as long as the test JVM. */
    @Override
    public void close() {
        secrets.close();
    }
}
