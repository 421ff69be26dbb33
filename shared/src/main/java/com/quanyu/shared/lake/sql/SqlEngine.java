package com.quanyu.shared.lake.sql;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where the SQL layer's text runs: DuckDB embedded (local runtime, tests, the compaction) or Athena
 * (AWS). An engine contributes its base relations ({@code lake/sql/base/<name>.sql}) and executes
 * the composed statement; the aggregates above them are the same text on both.
 */
public interface SqlEngine extends AutoCloseable {
    /** The base relations file's name: {@code duckdb} or {@code athena}. */
    String name();

    /**
     * The values of the base relations' {@code {placeholders}} for one statement (DuckDB brings its
     * mirror and its parsed tables of the lake's objects up to date here).
     *
     * @param compactedThrough the last day whose events are read from Parquet (earlier than any event when nothing is compacted)
     */
    Map<String, String> baseValues(LocalDate compactedThrough);

    /** Runs one statement; rows in order, column name to a normalised value (see {@link LakeSql}). */
    List<Map<String, Object>> execute(String sql);

    @Override
    void close();
}
