package com.quanyu.shared.lake.sql.store;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.SqlEngine;
import com.quanyu.shared.lake.store.CompactionState;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the {@link LakeSql} the environment names: Athena in AWS, DuckDB over a local mirror otherwise. */
public final class LakeSqlEngines {
    /** {@code duckdb} or {@code athena}; default {@code athena} when {@code ATHENA_WORKGROUP} is set, else {@code duckdb}. */
    public static final String ENGINE = "LAKE_SQL_ENGINE";

    public static final String BUCKET = "DATA_LAKE_BUCKET";
    /** Business time zone of {@code day} columns (default UTC). */
    public static final String TIME_ZONE = "LAKE_TIME_ZONE";

    public static final String DATABASE = "LAKE_DATABASE";
    public static final String WORKGROUP = "ATHENA_WORKGROUP";
    /** Local folder for DuckDB's mirror of the lake (default a folder under java.io.tmpdir). */
    public static final String CACHE_DIR = "LAKE_SQL_CACHE_DIR";
    /** DuckDB: seconds the parsed lake may lag behind the bucket while a background refresh runs (default 0: never). */
    public static final String MAX_STALENESS = "LAKE_SQL_MAX_STALENESS_SECONDS";

    private LakeSqlEngines() {}

    /**
     * Athena with {@code LAKE_DATABASE} and {@code ATHENA_WORKGROUP} (results go to the workgroup's
     * output location), or DuckDB over a local mirror of {@code DATA_LAKE_BUCKET}. The watermark is
     * read from the lake per statement.
     */
    public static LakeSql fromEnv(Env env, S3Client s3) {
        String bucket = env.required(BUCKET);
        ZoneId zone = ZoneId.of(env.get(TIME_ZONE, "UTC"));
        String engine = env.get(ENGINE, env.optional(WORKGROUP).isPresent() ? "athena" : "duckdb")
                .toLowerCase(Locale.ROOT);
        SqlEngine chosen = switch (engine) {
            case "athena" -> AthenaEngine.fromEnv(env);
            case "duckdb" ->
                new DuckDbEngine(
                        s3,
                        bucket,
                        env.optional(CACHE_DIR)
                                .map(Path::of)
                                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "quanyu-lake-sql", bucket)),
                        java.time.Duration.ofSeconds(env.intValue(MAX_STALENESS, 0)));
            default -> throw new IllegalStateException(ENGINE + " must be athena or duckdb, not " + engine);
        };
        return new LakeSql(chosen, () -> CompactionState.watermark(s3, bucket), zone);
    }

    /** Same, for a caller that already has the environment's S3 client settings. */
    public static LakeSql fromEnv(Env env) {
        return fromEnv(env, AwsClients.s3(env));
    }
}
