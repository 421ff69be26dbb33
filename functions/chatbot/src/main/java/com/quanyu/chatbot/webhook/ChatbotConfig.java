package com.quanyu.chatbot.webhook;

import com.quanyu.shared.aws.RotatingSecret;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chatbot's configuration: the platforms' secrets, read at run time from the Secrets Manager
 * secret named by {@code CHAT_SECRETS_ID} (a JSON object: wechatToken, metaAppSecret, ...; cached
 * for {@code SECRETS_REFRESH_SECONDS}, so a rotated value is used without a redeploy), and the
 * platforms' API base URLs, which tests and local runs point at a stand-in server. A platform whose
 * secret is missing answers 503 "not configured". Secrets are looked up per request, never copied.
 */
public final class ChatbotConfig {
    /** Webhook bodies larger than this are refused (413): no platform sends more for one update. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Signed requests older or newer than this are replays (WeChat, web chat). */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private final Function<String, Optional<String>> secrets;
    private final String metaGraphUrl;
    private final String lineApiUrl;
    private final String telegramApiUrl;

    public ChatbotConfig(
            Function<String, Optional<String>> secrets, String metaGraphUrl, String lineApiUrl, String telegramApiUrl) {
        this.secrets = secrets;
        this.metaGraphUrl = metaGraphUrl;
        this.lineApiUrl = lineApiUrl;
        this.telegramApiUrl = telegramApiUrl;
    }

    public static ChatbotConfig from(Env env) {
        return new ChatbotConfig(
                RotatingSecret.fieldsFromEnv(env, "CHAT_SECRETS_ID"),
                env.get("META_GRAPH_API_URL", "https://graph.facebook.com/v21.0"),
                env.get("LINE_API_URL", "https://api.line.me"),
                env.get("TELEGRAM_API_URL", "https://api.telegram.org"));
    }

    /** A secret that must be set for a platform's webhook to work. */
    static String secret(Optional<String> value, String platform) {
        return value.orElseThrow(
                () -> new ApiException(503, "not_configured", platform + " is not configured on this deployment"));
    }

    public Optional<String> wechatToken() {
        return secrets.apply("wechatToken");
    }

    public Optional<String> metaAppSecret() {
        return secrets.apply("metaAppSecret");
    }

    public Optional<String> metaVerifyToken() {
        return secrets.apply("metaVerifyToken");
    }

    public Optional<String> metaAccessToken() {
        return secrets.apply("metaAccessToken");
    }

    public Optional<String> lineChannelSecret() {
        return secrets.apply("lineChannelSecret");
    }

    public Optional<String> lineAccessToken() {
        return secrets.apply("lineAccessToken");
    }

    public Optional<String> telegramSecretToken() {
        return secrets.apply("telegramSecretToken");
    }

    public Optional<String> telegramBotToken() {
        return secrets.apply("telegramBotToken");
    }

    public Optional<String> webChatKey() {
        return secrets.apply("webChatKey");
    }

    public String metaGraphUrl() {
        return metaGraphUrl;
    }

    public String lineApiUrl() {
        return lineApiUrl;
    }

    public String telegramApiUrl() {
        return telegramApiUrl;
    }

    @Override
    public String toString() {
        return "ChatbotConfig[secrets hidden, metaGraphUrl=" + metaGraphUrl + ", lineApiUrl=" + lineApiUrl
                + ", telegramApiUrl=" + telegramApiUrl + "]";
    }
}
