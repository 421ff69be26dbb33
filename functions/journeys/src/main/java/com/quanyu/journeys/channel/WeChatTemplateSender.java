package com.quanyu.journeys.channel;

import com.quanyu.shared.text.MessageText;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * WeChat Official Account template messages ({@code POST /cgi-bin/message/template/send}) with an
 * access token from {@code POST /cgi-bin/stable_token}, cached until shortly before it expires.
 * WeChat answers HTTP 200 with {@code errcode}: 0 is sent; 40001/42001 (token invalid or
 * expired) refresh the token once; -1 (busy) and 45009 (rate limit) are transient; 43004 (the
 * customer unfollowed) and other codes are failures.
 */
public final class WeChatTemplateSender implements ChannelSender {
    private final JsonHttp http = new JsonHttp();
    private final String apiBaseUrl;
    private final Credential appId;
    private final Credential appSecret;
    private final Credential templateId;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public WeChatTemplateSender(
            String apiBaseUrl, Credential appId, Credential appSecret, Credential templateId, Clock clock) {
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.appId = appId;
        this.appSecret = appSecret;
        this.templateId = templateId;
        this.clock = clock;
    }

    @Override
    public boolean configured() {
        return appId.present() && appSecret.present() && templateId.present();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return appId.with(
                id -> appSecret.with(secret -> templateId.with(template -> sendWith(message, id, secret, template))));
    }

    private SendResult sendWith(OutboundMessage message, String id, String secret, String template) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String accessToken = token(attempt > 0, id, secret);
            if (accessToken == null) {
                return SendResult.retry("WeChat stable_token unavailable");
            }
            JsonHttp.Answer answer = http.post(
                    apiBaseUrl + "/cgi-bin/message/template/send?access_token=" + accessToken,
                    Map.of(),
                    Map.of(
                            "touser",
                            message.address(),
                            "template_id",
                            template,
                            "data",
                            Map.of(
                                    "first", Map.of("value", message.subject()),
                                    "keyword1", Map.of("value", MessageText.fit(message.body(), 200)))));
            if (!answer.ok()) {
                return JsonHttp.result(answer, "WeChat template/send", b -> "");
            }
            int code = answer.body().path("errcode").asInt(-1);
            switch (code) {
                case 0:
                    return SendResult.sent(answer.body().path("msgid").asText(""));
                case 40001, 42001:
                    continue;
                case -1, 45009:
                    return SendResult.retry("WeChat errcode " + code);
                default:
                    return SendResult.failed(
                            "WeChat errcode " + code + (code == 43004 ? " (not following the account)" : ""));
            }
        }
        return SendResult.retry("WeChat access token refused twice");
    }

    private synchronized String token(boolean refresh, String id, String secret) {
        if (refresh || token == null || clock.instant().isAfter(tokenExpires)) {
            JsonHttp.Answer answer = http.post(
                    apiBaseUrl + "/cgi-bin/stable_token",
                    Map.of(),
                    Map.of("grant_type", "client_credential", "appid", id, "secret", secret, "force_refresh", refresh));
            if (!answer.ok() || !answer.body().hasNonNull("access_token")) {
                return null;
            }
            token = answer.body().get("access_token").asText();
            tokenExpires = clock.instant()
                    .plusSeconds(Math.max(60, answer.body().path("expires_in").asLong(7200) - 300));
        }
        return token;
    }
}
