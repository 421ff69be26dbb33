package com.quanyu.analytics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.LakeSqlException;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The staff figures the console reads, all from the lake's shared SQL aggregates ({@link StaffFigures}):
 * <ul>
 * <li>{@code GET /v1/analytics/overview?from=YYYY-MM-DD&to=YYYY-MM-DD} (or {@code days=N} ending at {@code to}):
 *     totals, the previous period's, daily rows per channel, the funnels</li>
 * <li>{@code GET /v1/analytics/funnels?from&to} (or {@code days})</li>
 * <li>{@code GET /v1/analytics/rfm?asOf=YYYY-MM-DD}</li>
 * <li>{@code GET /v1/analytics/demand?sku=S&location=L&from&to} (or {@code days}): units sold per
 *     business day of one SKU at one location ({@link DemandActuals})</li>
 * </ul>
 * Without {@code to} the period ends on the newest day with events (seeded and replayed data need
 * not end today); without {@code from} it is {@code days} long (default 30, at most 366).
 */
public final class AnalyticsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final JsonLogger LOG = JsonLogger.of(AnalyticsApiHandler.class);
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;

    private final LakeQueries lake;
    private final Clock clock;
    private final StaffFigures figures;
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public AnalyticsApiHandler() {
        this(Env.system());
    }

    public AnalyticsApiHandler(Env env) {
        this(lakes(env), Clock.systemUTC(), ZoneId.of(env.get("BUSINESS_TIME_ZONE", "Asia/Shanghai")));
    }

    private AnalyticsApiHandler(Lakes lakes, Clock clock, ZoneId businessZone) {
        this(lakes.utc(), lakes.businessDays(), clock, businessZone);
    }

    /** One lake engine, queried with UTC days and with business days. */
    private record Lakes(LakeQueries utc, LakeQueries businessDays) {}

    /**
     * @param lake         the lake with UTC days (Overview, Funnels, Segments)
     * @param businessDays the same lake with days in the brand's time zone (actual demand, as the
     *                     forecasts count days)
     */
    AnalyticsApiHandler(LakeQueries lake, LakeQueries businessDays, Clock clock, ZoneId businessZone) {
        this.lake = lake;
        this.clock = clock;
        this.figures = new StaffFigures(lake);
        DemandActuals demand = new DemandActuals(businessDays);
        this.router = Router.builder()
                .get(
                        "/v1/analytics/demand",
                        r -> answer(() -> demand.of(
                                id(r, "sku").orElseThrow(() -> ApiException.invalidField("sku", "is required")),
                                id(r, "location").orElse("online"),
                                period(r),
                                LocalDate.now(clock.withZone(businessZone)))))
                .get("/v1/analytics/overview", r -> answer(() -> figures.overview(period(r))))
                .get("/v1/analytics/funnels", r -> answer(() -> figures.funnels(period(r))))
                .get(
                        "/v1/analytics/rfm",
                        r -> answer(() -> figures.rfm(date(r, "asOf").orElseGet(this::newestDay))))
                .build();
    }

    private static Lakes lakes(Env env) {
        S3Client s3 = AwsClients.s3(env);
        String bucket = env.required(LakeSqlEngines.BUCKET);
        LakeSql sql = LakeSqlEngines.fromEnv(env, s3);
        try {
            // at init, once per execution environment: the first page view then finds the lake parsed
            sql.warm();
        } catch (RuntimeException e) {
            LOG.warn(
                    "lake warm-up failed; the first query loads the lake instead",
                    "error",
                    String.valueOf(e.getMessage()));
        }
        Duration ttl = Duration.ofSeconds(env.intValue("ANALYTICS_CACHE_SECONDS", 60));
        ZoneId business = ZoneId.of(env.get("BUSINESS_TIME_ZONE", "Asia/Shanghai"));
        return new Lakes(
                new SqlLake(sql, s3, bucket, ttl, Clock.systemUTC()),
                new SqlLake(sql.inZone(business), s3, bucket, ttl, Clock.systemUTC()));
    }

    /** An optional SKU or location id: 1-100 letters, digits or . _ : / - (as the forecasts' ids). */
    private static Optional<String> id(ApiRequest request, String name) {
        return request.queryParameter(name).map(String::strip).map(value -> {
            if (!value.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}")) {
                throw ApiException.invalidField(
                        name, "must be 1-100 letters, digits or . _ : / - and start with a letter or digit");
            }
            return value;
        });
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    private static APIGatewayV2HTTPResponse answer(Supplier<Object> figures) {
        try {
            return ApiResponses.ok(figures.get());
        } catch (LakeSqlException e) {
            throw ApiException.unavailable("the lake query failed; retry", e);
        }
    }

    Period period(ApiRequest request) {
        LocalDate to = date(request, "to").orElseGet(this::newestDay);
        LocalDate from = date(request, "from")
                .orElse(to.minusDays(request.intQueryParameter("days", DEFAULT_DAYS, 1, MAX_DAYS) - 1L));
        if (to.isBefore(from)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        Period period = Period.of(from, to);
        if (period.days() > MAX_DAYS) {
            throw ApiException.invalidField("from", "the period may be at most " + MAX_DAYS + " days");
        }
        return period;
    }

    private LocalDate newestDay() {
        return lake.newestDay().orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    private static Optional<LocalDate> date(ApiRequest request, String name) {
        return request.queryParameter(name).map(value -> {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField(name, "must be a date YYYY-MM-DD");
            }
        });
    }
}
