package com.quanyu.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.journeys.engine.Links;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.RotatingSecret;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journeys' platform credentials come from Secrets Manager at run time (the real SDK client
 * against the stand-in), never from environment variables: the environment here also holds
 * decoy tokens under the old variable names, and no request to any platform may carry them. A
 * rotated secret is used on the next send; without a secret name the platforms are unconfigured.
 */
class ChannelSecretsTest {
    private static final Map<String, String> DECOYS = Map.of(
            "LINE_ACCESS_TOKEN",
            "env-line",
            "TELEGRAM_BOT_TOKEN",
            "env-telegram",
            "META_ACCESS_TOKEN",
            "env-meta",
            "WECHAT_APP_ID",
            "env-wechat-id",
            "WECHAT_APP_SECRET",
            "env-wechat-secret",
            "WECHAT_TEMPLATE_ID",
            "env-wechat-template",
            "JOURNEY_LINK_SECRET",
            "env-link");
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private HttpServer platform;
    private SecretsManagerStandIn secrets;

    @BeforeEach
    void start() throws IOException {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        platform.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("authorization") + " " + body);
                byte[] answer = (exchange.getRequestURI().getPath().endsWith("stable_token")
                                ? "{\"access_token\":\"wx-access\",\"expires_in\":7200}"
                                : "{\"errcode\":0,\"msgid\":1,\"message_id\":\"m\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        platform.start();
        secrets = SecretsManagerStandIn.withValues(Map.of(
                "quanyu/test/chatbot",
                        Json.write(Map.of(
                                "lineAccessToken",
                                "sm-line-1",
                                "telegramBotToken",
                                "sm-telegram-1",
                                "metaAccessToken",
                                "sm-meta-1")),
                "quanyu/test/journeys",
                        Json.write(Map.of(
                                "wechatAppId",
                                "sm-wechat-id",
                                "wechatAppSecret",
                                "sm-wechat-secret-1",
                                "wechatTemplateId",
                                "sm-template"))));
    }

    @AfterEach
    void stop() {
        platform.stop(0);
        secrets.close();
    }

    @Test
    void platformTokensComeFromTheSecretAndRotationsTakeEffectWithoutARestart() {
        Env env = env(Map.of(
                "CHAT_SECRETS_ID",
                "quanyu/test/chatbot",
                "JOURNEY_SECRETS_ID",
                "quanyu/test/journeys",
                "SECRETS_REFRESH_SECONDS",
                "0"));
        Map<Channel, ChannelSender> senders = senders(env);
        for (Channel channel : List.of(Channel.LINE, Channel.TELEGRAM, Channel.MESSENGER, Channel.WECHAT)) {
            assertTrue(senders.get(channel).configured(), channel + " is configured by its secret");
            assertEquals(
                    SendResult.Outcome.SENT,
                    senders.get(channel).send(message(channel)).outcome(),
                    channel.toString());
        }
        String sent = String.join("\n", requests);
        for (String value : List.of(
                "Bearer sm-line-1",
                "/botsm-telegram-1/sendMessage",
                "Bearer sm-meta-1",
                "sm-wechat-secret-1",
                "sm-template")) {
            assertTrue(sent.contains(value), value + " in " + sent);
        }
        DECOYS.values()
                .forEach(decoy -> assertFalse(sent.contains(decoy), "a token from the environment was sent: " + decoy));

        secrets.put("quanyu/test/chatbot", Json.write(Map.of("lineAccessToken", "sm-line-2")));
        requests.clear();
        assertEquals(
                SendResult.Outcome.SENT,
                senders.get(Channel.LINE).send(message(Channel.LINE)).outcome());
        assertTrue(requests.get(0).contains("Bearer sm-line-2"), requests.toString());
        assertFalse(
                senders.get(Channel.TELEGRAM).configured(), "a token removed from the secret unconfigures its channel");
    }

    @Test
    void withoutSecretNamesThePlatformsAreUnconfiguredWhateverTheEnvironmentHolds() {
        Map<Channel, ChannelSender> senders = senders(env(Map.of()));
        for (Channel channel : List.of(Channel.LINE, Channel.TELEGRAM, Channel.MESSENGER, Channel.WECHAT)) {
            assertFalse(
                    senders.containsKey(channel) && senders.get(channel).configured(),
                    channel + " must not use an environment token");
        }
        assertTrue(requests.isEmpty(), requests.toString());
    }

    @Test
    void linksSignedBeforeARotationStillVerifyWhileTheOldKeyIsKeptAsPrevious() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        var secret = RotatingSecret.of(
                AwsClients.secretsManager(env(Map.of())), "quanyu/test/journeys", java.time.Duration.ZERO, clock);
        secrets.put("quanyu/test/journeys", Json.write(Map.of("linkSecret", "key-1")));
        Links links = new Links(
                "https://api.example.com",
                () -> secret.field("linkSecret").orElseThrow(),
                () -> secret.field("linkSecretPrevious"));
        Links.Target target = new Links.Target("cart", 1, "p1", 1, "remind", Channel.LINE);
        String token = links.click(target).substring("https://api.example.com/v1/j/c/".length());
        assertEquals(Optional.of(target), links.verify(token));

        secrets.put("quanyu/test/journeys", Json.write(Map.of("linkSecret", "key-2", "linkSecretPrevious", "key-1")));
        assertEquals(Optional.of(target), links.verify(token), "old links keep working through the rotation");
        assertFalse(links.click(target).endsWith(token), "new links use the new key");
        secrets.put("quanyu/test/journeys", Json.write(Map.of("linkSecret", "key-2")));
        assertEquals(Optional.empty(), links.verify(token), "the retired key no longer verifies");
    }

    private Env env(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(DECOYS);
        values.putAll(extra);
        String base = "http://127.0.0.1:" + platform.getAddress().getPort();
        values.putAll(Map.of(
                AwsClients.SECRETS_MANAGER_ENDPOINT,
                secrets.endpoint(),
                "LINE_API_URL",
                base,
                "TELEGRAM_API_URL",
                base,
                "META_GRAPH_API_URL",
                base,
                "WECHAT_API_URL",
                base));
        return Env.of(values);
    }

    private static Map<Channel, ChannelSender> senders(Env env) {
        return JourneysApp.senders(
                env,
                RotatingSecret.fieldsFromEnv(env, JourneysApp.CHAT_SECRETS_ID),
                RotatingSecret.fieldsFromEnv(env, JourneysApp.JOURNEY_SECRETS_ID),
                java.time.Clock.systemUTC());
    }

    private static OutboundMessage message(Channel channel) {
        return new OutboundMessage(
                channel,
                "recipient-1",
                "Hello",
                "Your cart is waiting",
                "cart~p1~1~remind",
                Optional.empty(),
                Map.of());
    }
}
