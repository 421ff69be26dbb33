package com.quanyu.chatbot.outbound;

import com.quanyu.chatbot.platform.ReplySender.DeliveryException;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON POSTs to the platforms' send APIs with short timeouts: a webhook must answer within the
 * platform's limit, so a slow platform is a failed delivery that the platform's retry repeats.
 */
public final class PlatformHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(4);
    private final HttpClient client;

    public PlatformHttp() {
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** POSTs {@code body} as JSON; any non-2xx answer or I/O failure is a {@link DeliveryException}. */
    public void postJson(String url, Map<String, String> headers, Object body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                // the body may echo the token-bearing URL: report only the status
                throw new DeliveryException(what + " answered HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new DeliveryException(what + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(what + " interrupted", e);
        }
    }
}
