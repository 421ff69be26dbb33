package com.quanyu.chatbot.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.platform.ReplySender.DeliveryException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The official account's access token for WeChat's server APIs, from {@code POST /cgi-bin/stable_token}
 * with the account's app id and secret. Kept until five minutes before it expires (WeChat limits how
 * often a token may be fetched), and fetched again with {@code force_refresh} when WeChat calls the
 * kept one invalid. The app id and secret are read per fetch, so a rotated secret is picked up.
 */
public final class WeChatAccessToken {
    private static final long EARLY_RENEWAL_SECONDS = 300;

    private final PlatformHttp http;
    private final String apiBaseUrl;
    private final Supplier<String> appId;
    private final Supplier<String> appSecret;
    private final Clock clock;
    private String token;
    private Instant renewAfter = Instant.MIN;

    /** @param apiBaseUrl e.g. {@code https://api.weixin.qq.com} */
    public WeChatAccessToken(
            PlatformHttp http, String apiBaseUrl, Supplier<String> appId, Supplier<String> appSecret, Clock clock) {
        this.http = http;
        this.apiBaseUrl = apiBaseUrl.replaceFirst("/$", "");
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
    }

    /** The kept token, or a new one when none is kept or it is about to expire. */
    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAfter)) {
            fetch(false);
        }
        return token;
    }

    /** A new token, for when WeChat refused the kept one (errcode 40001, 40014 or 42001). */
    public synchronized String renewed() {
        fetch(true);
        return token;
    }

    private void fetch(boolean force) {
        JsonNode answer = http.postJsonForAnswer(
                apiBaseUrl + "/cgi-bin/stable_token",
                Map.of(),
                Map.of(
                        "grant_type",
                        "client_credential",
                        "appid",
                        appId.get(),
                        "secret",
                        appSecret.get(),
                        "force_refresh",
                        force),
                "WeChat stable_token");
        if (!answer.hasNonNull("access_token")) {
            throw new DeliveryException(
                    "WeChat stable_token gave no token (errcode "
                            + answer.path("errcode").asInt(-1) + ")",
                    null);
        }
        token = answer.get("access_token").asText();
        long lifetime = answer.path("expires_in").asLong(7200);
        renewAfter = clock.instant().plusSeconds(Math.max(60, lifetime - EARLY_RENEWAL_SECONDS));
    }
}
