package com.quanyu.forecast.job;

import com.quanyu.forecast.calendar.DemandCalendar;
import com.quanyu.forecast.engine.EngineConfig;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.store.ForecastTable;
import com.quanyu.forecast.store.HistoryStore;
import com.quanyu.forecast.store.InventoryStore;
import com.quanyu.forecast.store.LakeStore;
import com.quanyu.forecast.store.SqlDailyDemand;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import java.time.ZoneId;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the job from the function's environment.
 *
 * <pre>
 * FORECASTS_TABLE, DATA_LAKE_BUCKET      required
 * FORECAST_TIME_ZONE        Asia/Shanghai    business days
 * FORECAST_HISTORY_DAYS     730              days of history read
 * FORECAST_ACCURACY_DAYS    7                scoring window
 * FORECAST_CALENDAR_KEY     (bundled)        lake key of a calendar JSON (holidays, festivals, promotions)
 * REPLENISH_LEAD_TIME_DAYS 7, REPLENISH_REVIEW_DAYS 7, REPLENISH_SERVICE_LEVEL 0.95   default policy
 * LAKE_DATABASE, ATHENA_WORKGROUP, LAKE_SQL_ENGINE ...          the lake's SQL layer (LakeSqlEngines)
 * </pre>
 *
 * @param settings the job's settings
 * @param job      the wired job
 */
public record JobSettingsFromEnv(JobSettings settings, ForecastJob job) {
    public static JobSettingsFromEnv of(Env env) {
        S3Client s3 = AwsClients.s3(env);
        LakeStore lake = new LakeStore(s3, env.required("DATA_LAKE_BUCKET"));
        DemandCalendar calendar = env.optional("FORECAST_CALENDAR_KEY")
                .map(key -> DemandCalendar.fromJson(lake.readText(key)
                        .orElseThrow(() -> new IllegalStateException("calendar " + key + " not in the lake"))))
                .orElseGet(DemandCalendar::china);
        ReplenishmentPolicy policy = ReplenishmentPolicy.defaults()
                .withLeadTimeDays(env.intValue("REPLENISH_LEAD_TIME_DAYS", 7))
                .withReviewDays(env.intValue("REPLENISH_REVIEW_DAYS", 7))
                .withServiceLevel(env.doubleValue("REPLENISH_SERVICE_LEVEL", 0.95));
        ZoneId zone = ZoneId.of(env.get("FORECAST_TIME_ZONE", "Asia/Shanghai"));
        JobSettings settings = new JobSettings(
                zone,
                env.intValue("FORECAST_HISTORY_DAYS", 730),
                env.intValue("FORECAST_ACCURACY_DAYS", 7),
                policy,
                EngineConfig.dailyDemand(calendar));
        ForecastJob job = new ForecastJob(
                // business days in the job's zone, whatever LAKE_TIME_ZONE says: one setting for the brand's days
                new SqlDailyDemand(LakeSqlEngines.fromEnv(env, s3), zone),
                new InventoryStore(lake),
                new HistoryStore(lake),
                new ForecastTable(AwsClients.dynamoDb(env), env.required("FORECASTS_TABLE")),
                settings);
        return new JobSettingsFromEnv(settings, job);
    }
}
