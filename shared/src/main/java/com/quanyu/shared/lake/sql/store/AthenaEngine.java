package com.quanyu.shared.lake.sql.store;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.LakeSqlException;
import com.quanyu.shared.lake.sql.SqlEngine;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Athena (Trino engine) over the Glue tables of template.yaml: starts the statement in the
 * workgroup (which holds the result location and the per-query scan limit), polls until it ends,
 * and pages through the results, converting each value by its column type.
 */
public final class AthenaEngine implements SqlEngine {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

    private final AthenaClient athena;
    private final String database;
    private final String workgroup;
    private final Duration timeout;

    public AthenaEngine(AthenaClient athena, String database, String workgroup, Duration timeout) {
        this.athena = athena;
        this.database = database;
        this.workgroup = workgroup;
        this.timeout = timeout;
    }

    /** Athena from {@code LAKE_DATABASE}, {@code ATHENA_WORKGROUP} and {@code LAKE_SQL_TIMEOUT_SECONDS}. */
    public static AthenaEngine fromEnv(Env env) {
        return new AthenaEngine(
                AwsClients.athena(env),
                env.required(LakeSqlEngines.DATABASE),
                env.required(LakeSqlEngines.WORKGROUP),
                Duration.ofSeconds(env.longValue("LAKE_SQL_TIMEOUT_SECONDS", 300)));
    }

    @Override
    public String name() {
        return "athena";
    }

    @Override
    public Map<String, String> baseValues(LocalDate compactedThrough) {
        return Map.of("compacted_through", compactedThrough.toString());
    }

    @Override
    public List<Map<String, Object>> execute(String sql) {
        String id = athena.startQueryExecution(
                        b -> b.queryString(sql).workGroup(workgroup).queryExecutionContext(c -> c.database(database)))
                .queryExecutionId();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 200;
        while (true) {
            QueryExecutionStatus status = athena.getQueryExecution(b -> b.queryExecutionId(id))
                    .queryExecution()
                    .status();
            QueryExecutionState state = status.state();
            if (state == QueryExecutionState.SUCCEEDED) {
                break;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new LakeSqlException("Athena query " + id + " " + state + ": " + status.stateChangeReason());
            }
            if (System.nanoTime() > deadline) {
                athena.stopQueryExecution(b -> b.queryExecutionId(id));
                throw new LakeSqlException("Athena query " + id + " did not finish within " + timeout);
            }
            sleep(pause);
            pause = Math.min(2_000, pause * 2);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<ColumnInfo> columns = null;
        boolean header = true;
        for (var page : athena.getQueryResultsPaginator(b -> b.queryExecutionId(id))) {
            if (columns == null) {
                columns = page.resultSet().resultSetMetadata().columnInfo();
            }
            for (Row row : page.resultSet().rows()) {
                if (header) { // Athena repeats the column names as the first row of a SELECT
                    header = false;
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    Datum d = row.data().get(c);
                    values.put(
                            columns.get(c).name().toLowerCase(Locale.ROOT),
                            convert(columns.get(c).type(), d.varCharValue()));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    /** Athena returns every value as text; its column type says what it was. */
    static Object convert(String type, String text) {
        if (text == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "tinyint", "smallint", "integer", "bigint" -> Long.parseLong(text);
            case "double", "float", "real", "decimal" -> Double.parseDouble(text);
            case "boolean" -> Boolean.parseBoolean(text);
            case "date" -> LocalDate.parse(text);
            case "timestamp" -> LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
            default -> text;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LakeSqlException("interrupted while waiting for Athena");
        }
    }

    @Override
    public void close() {
        athena.close();
    }
}
