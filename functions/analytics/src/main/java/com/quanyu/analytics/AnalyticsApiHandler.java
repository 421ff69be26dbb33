package com.quanyu.analytics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.analytics.lake.LakeRow;
import com.quanyu.analytics.lake.LakeRowSource;
import com.quanyu.analytics.lake.S3LakeRows;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.http.ApiResponses;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * The staff figures read by the console, all from lake events:
 * <ul>
 * <li>{@code GET /v1/analytics/overview?from=YYYY-MM-DD&to=YYYY-MM-DD} (or {@code days=N} ending at
 *     {@code to}): {@link Overview}</li>
 * <li>{@code GET /v1/analytics/funnels?from&to}: {@link Funnels}</li>
 * <li>{@code GET /v1/analytics/rfm?asOf}: {@link Rfm}</li>
 * </ul>
 * Without dates the period is the 30 days ending on the newest day with events (seeded and
 * replayed data need not end today). At most 366 days.
 */
public final class AnalyticsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;

    private final LakeRowSource lake;
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public AnalyticsApiHandler() {
        this(Env.system());
    }

    public AnalyticsApiHandler(Env env) {
        this(new S3LakeRows(AwsClients.s3(env), env.required("DATA_LAKE_BUCKET")));
    }

    AnalyticsApiHandler(LakeRowSource lake) {
        this.lake = lake;
        this.router = Router.builder()
                .get("/v1/analytics/overview", r -> {
                    List<LakeRow> rows = lake.rows();
                    return ApiResponses.ok(Overview.of(rows, period(r, rows)));
                })
                .get("/v1/analytics/funnels", r -> {
                    List<LakeRow> rows = lake.rows();
                    return ApiResponses.ok(Funnels.of(rows, period(r, rows)));
                })
                .get("/v1/analytics/rfm", r -> {
                    List<LakeRow> rows = lake.rows();
                    return ApiResponses.ok(Rfm.of(rows, date(r, "asOf").orElseGet(() -> newestDay(rows))));
                })
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    static Period period(ApiRequest request, List<LakeRow> rows) {
        LocalDate to = date(request, "to").orElseGet(() -> newestDay(rows));
        LocalDate from = date(request, "from").orElse(to.minusDays(request.intQueryParameter("days", DEFAULT_DAYS, 1, MAX_DAYS) - 1));
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        Period period = Period.of(from, to);
        if (period.days() > MAX_DAYS) {
            throw ApiException.invalidField("from", "the period may be at most " + MAX_DAYS + " days");
        }
        return period;
    }

    private static java.util.Optional<LocalDate> date(ApiRequest request, String name) {
        return request.queryParameter(name).map(value -> {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(name, "must be a date YYYY-MM-DD");
            }
        });
    }

    private static LocalDate newestDay(List<LakeRow> rows) {
        return rows.stream().map(LakeRow::day).max(Comparator.naturalOrder()).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
    }
}
