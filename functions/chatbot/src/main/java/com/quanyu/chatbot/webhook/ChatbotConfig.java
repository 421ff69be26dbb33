package com.quanyu.chatbot.webhook;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import java.util.Optional;

/**
 * The chatbot's configuration: platform secrets (resolved from Secrets Manager into the
 * environment by template.yaml) and the platforms' API base URLs, which tests and local runs point
 * at a stand-in server. A platform whose secret is missing answers 503 "not configured".
 */
public record ChatbotConfig(Optional<String> wechatToken, Optional<String> metaAppSecret, Optional<String> metaVerifyToken,
                            Optional<String> metaAccessToken, Optional<String> lineChannelSecret,
                            Optional<String> lineAccessToken, Optional<String> telegramSecretToken,
                            Optional<String> telegramBotToken, Optional<String> webChatKey, Optional<String> agentApiKey,
                            String metaGraphUrl, String lineApiUrl, String telegramApiUrl) {
    /** Webhook bodies larger than this are refused (413): no platform sends more for one update. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Signed requests older or newer than this are replays (WeChat, web chat). */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    public static ChatbotConfig from(Env env) {
        return new ChatbotConfig(env.optional("WECHAT_TOKEN"), env.optional("META_APP_SECRET"),
                env.optional("META_VERIFY_TOKEN"), env.optional("META_ACCESS_TOKEN"), env.optional("LINE_CHANNEL_SECRET"),
                env.optional("LINE_ACCESS_TOKEN"), env.optional("TELEGRAM_SECRET_TOKEN"), env.optional("TELEGRAM_BOT_TOKEN"),
                env.optional("WEB_CHAT_KEY"), env.optional("AGENT_API_KEY"),
                env.get("META_GRAPH_API_URL", "https://graph.facebook.com/v21.0"),
                env.get("LINE_API_URL", "https://api.line.me"),
                env.get("TELEGRAM_API_URL", "https://api.telegram.org"));
    }

    /** A secret that must be set for a platform's webhook to work. */
    static String secret(Optional<String> value, String platform) {
        return value.orElseThrow(() -> new ApiException(503, "not_configured", platform + " is not configured on this deployment"));
    }

    @Override
    public String toString() {
        return "ChatbotConfig[secrets hidden, metaGraphUrl=" + metaGraphUrl + ", lineApiUrl=" + lineApiUrl
                + ", telegramApiUrl=" + telegramApiUrl + "]";
    }
}
