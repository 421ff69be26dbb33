package com.quanyu.journeys.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON POSTs to the chat platforms' APIs: the status and parsed body, or a transport fault as status 0. */
final class JsonHttp {
    /** An answer: HTTP status (0 when unreachable) and the JSON body (empty object when none). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** 429 and 5xx are the platform's transient faults; so is not reaching it. */
        boolean transientFault() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    Answer post(String url, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(8))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? Json.object() : Json.parse(response.body());
            } catch (IOException notJson) {
                json = Json.object();
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            return new Answer(0, Json.object());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Json.object());
        }
    }

    /** Turns an answer into a result; {@code id} reads the message id from a successful body. */
    static SendResult result(Answer answer, String platform, java.util.function.Function<JsonNode, String> id) {
        if (answer.ok()) {
            return SendResult.sent(id.apply(answer.body()));
        }
        String reason = platform + " answered HTTP " + answer.status();
        return answer.transientFault() ? SendResult.retry(reason) : SendResult.failed(reason);
    }
}
