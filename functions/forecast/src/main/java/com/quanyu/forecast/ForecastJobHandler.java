package com.quanyu.forecast;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.forecast.job.ForecastJob;
import com.quanyu.forecast.job.JobSettingsFromEnv;
import com.quanyu.forecast.job.Shard;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The scheduled forecasting run (EventBridge Scheduler, daily). Input, all optional:
 * {@code {"origin": "2026-11-28", "shard": 0, "shards": 1}}: the last day of data (default
 * yesterday in the brand's time zone) and, when fanned out, which slice of the SKUs to do.
 */
public final class ForecastJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final JsonLogger LOG = JsonLogger.of(ForecastJobHandler.class);

    private final ForecastJob job;
    private final ZoneId zone;
    private final Clock clock;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ForecastJobHandler() {
        this(Env.system());
    }

    public ForecastJobHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public ForecastJobHandler(Env env, Clock clock) {
        this.clock = clock;
        JobSettingsFromEnv config = JobSettingsFromEnv.of(env);
        this.job = config.job();
        this.zone = config.settings().zone();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Invocations.start(context);
        return Metrics.timed("forecast-job", () -> run(input, context));
    }

    private Map<String, Object> run(Map<String, Object> input, Context context) {
        Map<String, Object> in = input == null ? Map.of() : input;
        LocalDate origin = origin(in.get("origin"));
        Shard shard = new Shard(integer(in, "shard", 0), integer(in, "shards", 1));
        LOG.info("forecast run starting", "origin", origin.toString(), "shard", shard.index(), "shards", shard.count());
        return job.run(origin, shard).toMap();
    }

    private LocalDate origin(Object value) {
        if (value == null || value.toString().isBlank()) {
            return LocalDate.now(clock.withZone(zone)).minusDays(1);
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("origin must be a date like 2026-11-28, got '" + value + "'", e);
        }
    }

    private static int integer(Map<String, Object> in, String name, int fallback) {
        Object value = in.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n
                    ? n.intValue()
                    : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'", e);
        }
    }
}
