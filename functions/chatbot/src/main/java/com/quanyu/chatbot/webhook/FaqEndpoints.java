package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.chatbot.faq.Faq;
import com.quanyu.chatbot.faq.FaqFormat;
import com.quanyu.chatbot.faq.FaqLibrary;
import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The brand's FAQ, for staff (the shared Router checks the group against docs/security.md's table
 * first): {@code PUT /v1/chat/faq} replaces it with a CSV ({@code content-type: text/csv}) or JSON
 * upload (see {@link FaqFormat}); a bad row is a 400 naming its line and field and changes nothing.
 * {@code GET /v1/chat/faq} returns it.
 */
final class FaqEndpoints {
    private static final JsonLogger LOG = JsonLogger.of(FaqEndpoints.class);

    private final FaqLibrary library;
    private final Clock clock;

    FaqEndpoints(FaqLibrary library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse put(ApiRequest request) {
        List<FaqAnswers.Entry> entries =
                Uploads.rows(request, FaqFormat::fromCsv, FaqFormat::fromJson, "invalid_faq", "entries");
        Faq uploaded = new Faq(entries, clock.instant());
        library.replace(uploaded);
        LOG.info(
                "FAQ replaced",
                "entries",
                entries.size(),
                "answers",
                uploaded.answers(),
                "format",
                Uploads.isCsv(request) ? "csv" : "json");
        return ApiResponses.ok(Map.of(
                "entries",
                entries.size(),
                "answers",
                uploaded.answers(),
                "updatedAt",
                uploaded.updatedAt().toString()));
    }

    APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.ok(FaqFormat.toJson(library.current()));
    }
}
