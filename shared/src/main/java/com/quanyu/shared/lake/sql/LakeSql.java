package com.quanyu.shared.lake.sql;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The lake's SQL layer: runs the named aggregates of {@code lake/sql/*.sql} (see {@link LakeQuery})
 * on an {@link SqlEngine}, DuckDB locally and Athena in AWS, and returns plain rows
 * ({@link com.quanyu.shared.lake.sql.store.LakeSqlEngines#fromEnv} builds one from the environment).
 *
 * <pre>{@code
 * try (LakeSql sql = LakeSqlEngines.fromEnv(env, s3)) {
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
    /** A {@code since} before every day of the lake: the query reads all of its history. */
    public static final LocalDate ALL_HISTORY = LocalDate.EPOCH;
    /** The {@code sample} that every {@code sample_key} (8 lower-case hex digits) is at most: everyone. */
    public static final String EVERYONE = "ffffffff";

    private final SqlEngine engine;
    private final Supplier<LocalDate> compactedThrough;
    private final ZoneId zone;
    private final String base;
    private final Map<String, LakeQuery> queries = new ConcurrentHashMap<>();

    /**
     * @param compactedThrough the compaction's watermark (read per statement): Parquet up to it, raw after
     * @param zone             the business time zone of the {@code day} columns
     */
    public LakeSql(SqlEngine engine, Supplier<LocalDate> compactedThrough, ZoneId zone) {
        this.engine = engine;
        this.compactedThrough = compactedThrough;
        this.zone = zone;
        String text = LakeQuery.resource("lake/sql/base/" + engine.name() + ".sql");
        if (text == null) {
            throw new IllegalStateException("no base relations for engine " + engine.name());
        }
        this.base = text.replaceAll("(?m)^--.*\\n", "").strip();
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

    /**
     * The same engine (and what it has loaded) with the {@code day} columns in another time zone, e.g.
     * business days beside UTC ones; closing either closes the engine.
     */
    public LakeSql inZone(ZoneId other) {
        return new LakeSql(engine, compactedThrough, other);
    }

    /**
     * Prepares what the next statement reads, so the first query after a start is not the slow one:
     * on DuckDB it mirrors and parses the lake's objects; on Athena there is nothing to prepare.
     */
    public void warm() {
        engine.baseValues(compactedThrough.get());
    }

    /** The full statement {@link #query} sends: the engine's base relations, then the aggregate. */
    public String statement(String name, Map<String, ?> params) {
        LakeQuery query = queries.computeIfAbsent(name, LakeQuery::load);
        String body = query.render(params).replaceAll("(?m)^--.*\\n", "").strip();
        String withBase = "WITH\n" + fill(base, engine.baseValues(compactedThrough.get()));
        return body.regionMatches(true, 0, "WITH", 0, 4) && Character.isWhitespace(body.charAt(4))
                ? withBase + ",\n" + body.substring(5).strip()
                : withBase + "\n" + body;
    }

    /** The declared parameters of a query, name to type. */
    public Map<String, LakeQuery.ParamType> parameters(String name) {
        return queries.computeIfAbsent(name, LakeQuery::load).params();
    }

    private String fill(String text, Map<String, String> values) {
        String out = text.replace("{zone}", zone.getId());
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    @Override
    public void close() {
        engine.close();
    }
}
