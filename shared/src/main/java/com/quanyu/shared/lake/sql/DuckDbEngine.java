package com.quanyu.shared.lake.sql;

import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DuckDB embedded ({@code org.duckdb:duckdb_jdbc}, in memory) over a local mirror of the lake.
 *
 * <p>DuckDB reads S3 through its {@code httpfs} extension, which the JDBC jar does not bundle and
 * DuckDB would download at run time; this engine instead streams the objects through the S3 API
 * (the stand-in locally, S3 itself in a Lambda) into {@code cacheDir}, keeps them while their ETag
 * is unchanged, and points {@code read_json}/{@code read_parquet} at the files. The jar's bundled
 * {@code json} and {@code parquet} extensions are all it needs; auto-install is switched off.
 */
public final class DuckDbEngine implements SqlEngine {
    private static final JsonLogger LOG = JsonLogger.of(DuckDbEngine.class);
    /** The compacted Parquet schema, for an empty stand-in table when nothing is compacted yet. */
    static final String COMPACTED_COLUMNS = "message_id VARCHAR, profile_id VARCHAR, type VARCHAR, event VARCHAR, "
            + "channel VARCHAR, ts TIMESTAMP, session_id VARCHAR, sku VARCHAR, order_id VARCHAR, order_total DOUBLE, "
            + "currency VARCHAR, store_id VARCHAR, products STRUCT(sku VARCHAR, quantity DOUBLE, price DOUBLE)[]";

    private final S3Client s3;
    private final String bucket;
    private final Path cacheDir;
    private final Connection connection;
    private final Map<String, String> etags = new HashMap<>();

    public DuckDbEngine(S3Client s3, String bucket, Path cacheDir) {
        this.s3 = s3;
        this.bucket = bucket;
        this.cacheDir = cacheDir;
        try {
            Files.createDirectories(cacheDir);
            Files.writeString(cacheDir.resolve("empty.ndjson"), "");
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET TimeZone = 'UTC'");
                s.execute("CREATE TABLE compacted_empty (" + COMPACTED_COLUMNS + ")");
                // Trino's name for a partial regular-expression match, so the aggregates read the same on both engines
                s.execute("CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + cacheDir, e);
        } catch (SQLException e) {
            throw new LakeSqlException("cannot start DuckDB", e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    /** A raw DuckDB connection for jobs that write through it (compaction); callers synchronise on this engine. */
    Connection connection() {
        return connection;
    }

    @Override
    public synchronized Map<String, String> baseValues(LocalDate compactedThrough) {
        List<Path> raw = new ArrayList<>();
        List<Path> compacted = new ArrayList<>();
        for (Path file : mirror(LakeLayout.RAW_EVENTS)) {
            if (LakeLayout.dayOf(file.toString()).map(d -> d.isAfter(compactedThrough)).orElse(false)) {
                raw.add(file);
            }
        }
        for (Path file : mirror(LakeLayout.COMPACTED_EVENTS)) {
            if (file.toString().endsWith(".parquet")
                    && LakeLayout.dayOf(file.toString()).map(d -> !d.isAfter(compactedThrough)).orElse(false)) {
                compacted.add(file);
            }
        }
        raw.add(cacheDir.resolve("empty.ndjson"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("raw_files", list(raw));
        values.put("compacted", compacted.isEmpty() ? "compacted_empty" : "read_parquet(" + list(compacted) + ")");
        return values;
    }

    /**
     * Brings the local copy of every object under {@code prefix} up to date (new or changed objects
     * downloaded, vanished ones deleted) and returns the local files.
     */
    public synchronized List<Path> mirror(String prefix) {
        Map<String, S3Object> listed = new LinkedHashMap<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            page.contents().forEach(o -> listed.put(o.key(), o));
        }
        List<Path> files = new ArrayList<>(listed.size());
        int downloaded = 0;
        try {
            for (S3Object o : listed.values()) {
                Path local = local(o.key());
                if (!Files.exists(local) || !o.eTag().equals(etags.get(o.key()))) {
                    Files.createDirectories(local.getParent());
                    Path part = local.resolveSibling(local.getFileName() + ".part");
                    Files.deleteIfExists(part);
                    s3.getObject(b -> b.bucket(bucket).key(o.key()), part);
                    Files.move(part, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    etags.put(o.key(), o.eTag());
                    downloaded++;
                }
                files.add(local);
            }
            Path root = local(prefix);
            if (Files.isDirectory(root)) {
                var keep = new java.util.HashSet<>(files);
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path stale : walk.filter(Files::isRegularFile).filter(p -> !keep.contains(p)).toList()) {
                        Files.delete(stale);
                        etags.remove(bucketKey(stale));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mirror s3://" + bucket + "/" + prefix, e);
        }
        if (downloaded > 0) {
            LOG.info("lake mirrored", "prefix", prefix, "objects", listed.size(), "downloaded", downloaded);
        }
        return files;
    }

    private Path local(String key) {
        return cacheDir.resolve("objects").resolve(key);
    }

    private String bucketKey(Path local) {
        return cacheDir.resolve("objects").relativize(local).toString().replace('\\', '/');
    }

    private static String list(List<Path> files) {
        return files.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public synchronized List<Map<String, Object>> execute(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rows(rs);
        } catch (SQLException e) {
            throw new LakeSqlException("DuckDB: " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows (compaction's COPY). */
    synchronized void run(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new LakeSqlException("DuckDB: " + e.getMessage(), e);
        }
    }

    static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= columns; c++) {
                int type = meta.getColumnType(c);
                Object value = type == Types.TIMESTAMP ? rs.getObject(c, LocalDateTime.class)
                        : type == Types.DATE ? rs.getObject(c, LocalDate.class) : rs.getObject(c);
                row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), LakeSql.normalise(value));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("DuckDB close failed", "error", e.getMessage());
        }
    }
}
