package com.quanyu.chatbot.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a staff upload that replaces a whole document (the catalogue, the FAQ): CSV when the
 * request says {@code content-type: text/csv}, JSON otherwise. A bad row is a 400 naming its line
 * and field; an upload with no row is refused, so a document is never emptied by accident.
 */
final class Uploads {
    private Uploads() {}

    static boolean isCsv(ApiRequest request) {
        return request.header("content-type")
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/csv"))
                .orElse(false);
    }

    /**
     * The parsed rows; {@code error} is the error code of a bad row (the parsers report one with an
     * {@link IllegalArgumentException} whose message names the line and field).
     */
    static <T> List<T> rows(
            ApiRequest request,
            Function<String, List<T>> fromCsv,
            Function<JsonNode, List<T>> fromJson,
            String error,
            String what) {
        List<T> rows;
        if (isCsv(request)) {
            if (request.body().isBlank()) {
                throw ApiException.badRequest("request body is empty; a CSV with a header row is required");
            }
            rows = parsed(() -> fromCsv.apply(request.body()), error);
        } else {
            JsonNode body = request.jsonBody();
            rows = parsed(() -> fromJson.apply(body), error);
        }
        if (rows.isEmpty()) {
            throw ApiException.invalidField(
                    what, "the upload holds no row; it replaces the whole document, never empties it by accident");
        }
        return rows;
    }

    private static <T> List<T> parsed(Supplier<List<T>> parse, String error) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, error, e.getMessage());
        }
    }
}
