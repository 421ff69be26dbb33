package com.quanyu.shared.lake.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The lake's SQL layer: runs the named aggregates of {@code lake/sql/*.sql} (see {@link LakeQuery})
 * on an {@link SqlEngine}, DuckDB locally and Athena in AWS, and returns plain rows.
 *
 * <pre>{@code
 * try (LakeSql sql = LakeSql.fromEnv(env, s3)) {
 *     List<Map<String, Object>> kpis = sql.query("daily_kpis", Map.of("from", "2026-11-01", "to", "2026-11-30"));
 * }
 * }</pre>
 *
 * <p>Values are normalised the same way for both engines: integers {@link Long}, decimals and
 * floating point {@link Double}, dates {@link LocalDate}, timestamps {@link java.time.Instant} (UTC),
 * text {@link String}, SQL NULL {@code null}. Column names are the SQL's aliases, lower case.
 *
 * <p>Statements read raw NDJSON for days after the compaction's watermark and Parquet up to it, so
 * a query sees every accepted event whether or not its day has been compacted.
 */
public final class LakeSql implements AutoCloseable {
    /** {@code duckdb} or {@code athena}; default {@code athena} when {@code ATHENA_WORKGROUP} is set, else {@code duckdb}. */
    public static final String ENGINE = "LAKE_SQL_ENGINE";
    public static final String BUCKET = "DATA_LAKE_BUCKET";
    /** Business time zone of {@code day} columns (default UTC). */
    public static final String TIME_ZONE = "LAKE_TIME_ZONE";
    public static final String DATABASE = "LAKE_DATABASE";
    public static final String WORKGROUP = "ATHENA_WORKGROUP";
    /** Local folder for DuckDB's mirror of the lake (default a folder under java.io.tmpdir). */
    public static final String CACHE_DIR = "LAKE_SQL_CACHE_DIR";

    private static final LocalDate NOTHING_COMPACTED = LocalDate.of(1970, 1, 1);

    private final SqlEngine engine;
    private final S3Client s3;
    private final String bucket;
    private final ZoneId zone;
    private final String base;
    private final Map<String, LakeQuery> queries = new ConcurrentHashMap<>();

    public LakeSql(SqlEngine engine, S3Client s3, String bucket, ZoneId zone) {
        this.engine = engine;
        this.s3 = s3;
        this.bucket = bucket;
        this.zone = zone;
        String text = LakeQuery.resource("lake/sql/base/" + engine.name() + ".sql");
        if (text == null) {
            throw new IllegalStateException("no base relations for engine " + engine.name());
        }
        this.base = text.replaceAll("(?m)^--.*\\n", "").strip();
    }

    /**
     * The engine the environment names: Athena with {@code LAKE_DATABASE} and {@code ATHENA_WORKGROUP}
     * (results go to the workgroup's output location), or DuckDB over a local mirror of the bucket.
     */
    public static LakeSql fromEnv(Env env, S3Client s3) {
        String bucket = env.required(BUCKET);
        ZoneId zone = ZoneId.of(env.get(TIME_ZONE, "UTC"));
        String engine = env.get(ENGINE, env.optional(WORKGROUP).isPresent() ? "athena" : "duckdb").toLowerCase(Locale.ROOT);
        SqlEngine chosen = switch (engine) {
            case "athena" -> AthenaEngine.fromEnv(env);
            case "duckdb" -> new DuckDbEngine(s3, bucket, env.optional(CACHE_DIR).map(Path::of)
                    .orElse(Path.of(System.getProperty("java.io.tmpdir"), "quanyu-lake-sql", bucket)));
            default -> throw new IllegalStateException(ENGINE + " must be athena or duckdb, not " + engine);
        };
        return new LakeSql(chosen, s3, bucket, zone);
    }

    /**
     * Runs one named aggregate.
     *
     * @param name   a file of {@code lake/sql/} without {@code .sql}, e.g. {@code daily_kpis}
     * @param params its declared parameters: dates as {@link LocalDate} or {@code YYYY-MM-DD}, timestamps
     *               as {@link java.time.Instant} or ISO-8601, integers, strings
     * @throws IllegalArgumentException for an unknown query or a missing, unknown or malformed parameter
     * @throws LakeSqlException         when the engine fails
     */
    public List<Map<String, Object>> query(String name, Map<String, ?> params) {
        return engine.execute(statement(name, params));
    }

    /** The full statement {@link #query} sends: the engine's base relations, then the aggregate. */
    public String statement(String name, Map<String, ?> params) {
        LakeQuery query = queries.computeIfAbsent(name, LakeQuery::load);
        String body = query.render(params).replaceAll("(?m)^--.*\\n", "").strip();
        String withBase = "WITH\n" + fill(base, engine.baseValues(compactedThrough()));
        return body.regionMatches(true, 0, "WITH", 0, 4) && Character.isWhitespace(body.charAt(4))
                ? withBase + ",\n" + body.substring(5).strip()
                : withBase + "\n" + body;
    }

    /** The declared parameters of a query, name to type. */
    public Map<String, LakeQuery.ParamType> parameters(String name) {
        return queries.computeIfAbsent(name, LakeQuery::load).params();
    }

    /** The last compacted day, read from the compaction's watermark object. */
    public LocalDate compactedThrough() {
        try {
            JsonNode state = Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(LakeLayout.COMPACTION_STATE)).asUtf8String());
            return LocalDate.parse(state.path("compactedThrough").asText());
        } catch (NoSuchKeyException e) {
            return NOTHING_COMPACTED;
        } catch (IOException e) {
            throw new LakeSqlException("unreadable compaction state " + LakeLayout.COMPACTION_STATE, e);
        }
    }

    private String fill(String text, Map<String, String> values) {
        String out = text.replace("{zone}", zone.getId());
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    /** One value as {@link LakeSql} promises it, from whatever the engine's driver returned. */
    static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValueExact();
            case BigDecimal d -> d.doubleValue();
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case OffsetDateTime t -> t.toInstant();
            case java.sql.Date d -> d.toLocalDate();
            default -> value;
        };
    }

    @Override
    public void close() {
        engine.close();
    }
}
