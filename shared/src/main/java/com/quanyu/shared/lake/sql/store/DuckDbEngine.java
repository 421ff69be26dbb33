package com.quanyu.shared.lake.sql.store;

import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.lake.sql.LakeSqlException;
import com.quanyu.shared.lake.sql.SqlEngine;
import com.quanyu.shared.lake.sql.SqlValues;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DuckDB embedded ({@code org.duckdb:duckdb_jdbc}, in memory) over a local mirror of the lake.
 *
 * <p>DuckDB reads S3 through its {@code httpfs} extension, which the JDBC jar does not bundle and
 * DuckDB would download at run time; this engine instead streams the objects through the S3 API
 * (the stand-in locally, S3 itself in a Lambda) into a folder of its own under {@code cacheDir}, keeps them while their ETag
 * is unchanged, and reads them with {@code read_json}/{@code read_parquet}. The jar's bundled
 * {@code json} and {@code parquet} extensions are all it needs; auto-install is switched off.
 *
 * <p>Parsing is what costs: the lake is many small objects (one per ingest call and partition), and
 * re-reading every one per statement took seconds per query on the demo lake. So the engine keeps
 * each object's parsed lines in an in-memory table ({@code lake_raw_cache}, {@code
 * lake_compacted_cache}, tagged with the local file and its {@code dt=} day) and, before each
 * statement, loads only objects that are new or whose ETag changed and drops the lines of changed
 * or vanished ones: an object is parsed once per version while the engine lives. The base
 * relations then read these tables, split at the compaction watermark.
 */
public final class DuckDbEngine implements SqlEngine {
    private static final JsonLogger LOG = JsonLogger.of(DuckDbEngine.class);
    /** The compacted Parquet schema, for an empty stand-in table when nothing is compacted yet. */
    static final String COMPACTED_COLUMNS = "message_id VARCHAR, profile_id VARCHAR, type VARCHAR, event VARCHAR, "
            + "channel VARCHAR, ts TIMESTAMP, session_id VARCHAR, sku VARCHAR, order_id VARCHAR, order_total DOUBLE, "
            + "currency VARCHAR, store_id VARCHAR, products STRUCT(sku VARCHAR, quantity DOUBLE, price DOUBLE)[], "
            + "ip_country VARCHAR, billing_country VARCHAR, shipping_country VARCHAR, payment_failures DOUBLE";

    private static final String COMPACTED_NAMES =
            "message_id, profile_id, type, event, channel, ts, session_id, sku, order_id, "
                    + "order_total, currency, store_id, products, "
                    // the order-risk fields are not Parquet columns: read from the row's full record
                    + "json_extract_string(record, '$.context.location.country') AS ip_country, "
                    + "json_extract_string(record, '$.properties.billing_country') AS billing_country, "
                    + "json_extract_string(record, '$.properties.shipping_country') AS shipping_country, "
                    + "TRY_CAST(json_extract_string(record, '$.properties.payment_failures') AS DOUBLE) AS payment_failures";
    /** The raw NDJSON fields the base relations map (read_json's {@code columns}). */
    private static final String RAW_COLUMNS =
            "{messageId: 'VARCHAR', profileId: 'VARCHAR', type: 'VARCHAR', event: 'VARCHAR', "
                    + "\"timestamp\": 'VARCHAR', channel: 'VARCHAR', context: 'STRUCT(sessionId VARCHAR, location STRUCT(country VARCHAR))', "
                    + "properties: 'STRUCT(sku VARCHAR, product_id VARCHAR, order_id VARCHAR, total DOUBLE, revenue DOUBLE, currency VARCHAR, "
                    + "store_id VARCHAR, products STRUCT(sku VARCHAR, product_id VARCHAR, quantity DOUBLE, price DOUBLE)[], "
                    + "billing_country VARCHAR, shipping_country VARCHAR, payment_failures DOUBLE)'}";

    private static final String PART_DAY = "regexp_extract(filename, 'dt=(\\d{4}-\\d{2}-\\d{2})', 1) AS part_day";
    private static final String RAW_TABLE = "lake_raw_cache";
    private static final String COMPACTED_TABLE = "lake_compacted_cache";

    private final S3Client s3;
    private final String bucket;
    private final Path cacheDir;
    private final Connection connection;
    private final Map<String, String> etags = new HashMap<>();
    /** Local file -> the ETag whose lines are in its cache table. */
    private final Map<Path, String> loaded = new HashMap<>();
    /** Guards the mirror (listing, downloads, {@link #etags}); taken before {@code this}, never after. */
    private final Object mirrorLock = new Object();

    private final Duration maxStaleness;
    /** {@link System#nanoTime()} when the last completed refresh started; null before the first. */
    private volatile Long syncedAt;

    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "lake-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** An engine whose every statement first brings the tables up to date with the lake. */
    public DuckDbEngine(S3Client s3, String bucket, Path cacheDir) {
        this(s3, bucket, cacheDir, Duration.ZERO);
    }

    /**
     * @param maxStaleness how old the tables may be when a statement runs: older, it runs on them
     *                     while a background refresh catches up (zero: every statement refreshes
     *                     first, as jobs that must see everything need). The first statement always waits.
     */
    public DuckDbEngine(S3Client s3, String bucket, Path cacheDir, Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
        this.s3 = s3;
        this.bucket = bucket;
        try {
            // a folder of its own: engines of several functions in one process (the local runtime) each
            // mirror and prune their copy, and must not delete or replace files under another's reads
            this.cacheDir = Files.createTempDirectory(Files.createDirectories(cacheDir), "engine-");
            Path empty = this.cacheDir.resolve("empty.ndjson");
            Files.writeString(empty, "");
            connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = connection.createStatement()) {
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET TimeZone = 'UTC'");
                s.execute("CREATE TABLE " + RAW_TABLE + " AS SELECT *, " + PART_DAY + " FROM " + readRaw(List.of(empty))
                        + " LIMIT 0");
                s.execute("CREATE TABLE " + COMPACTED_TABLE + " (" + COMPACTED_COLUMNS
                        + ", filename VARCHAR, part_day VARCHAR)");
                // Trino's name for a partial regular-expression match, so the aggregates read the same on both engines
                s.execute("CREATE MACRO regexp_like(s, p) AS regexp_matches(s, p)");
                // and Trino's array_join (DuckDB's array_to_string wants a constant separator)
                s.execute("CREATE MACRO array_join(l, sep) AS list_reduce(list_prepend('', l), "
                        + "(joined, x) -> CASE WHEN joined = '' THEN x ELSE joined || sep || x END)");
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

    @Override
    public Map<String, String> baseValues(LocalDate compactedThrough) {
        Long synced = syncedAt;
        if (synced == null || maxStaleness.isZero()) {
            refresh();
        } else if (System.nanoTime() - synced > maxStaleness.toNanos() && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn(
                            "lake refresh failed; the next statement retries", "error", String.valueOf(e.getMessage()));
                } finally {
                    refreshing.set(false);
                }
            });
        }
        String watermark = "'" + compactedThrough + "'";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("raw_lines", "(SELECT * FROM " + RAW_TABLE + " WHERE part_day > " + watermark + ")");
        values.put("compacted", "(SELECT * FROM " + COMPACTED_TABLE + " WHERE part_day <= " + watermark + ")");
        return values;
    }

    /**
     * Lists and mirrors the lake (slow on a large bucket: no statement waits for it once the
     * tables were loaded, unless {@code maxStaleness} is zero), then syncs the tables, which is
     * quick and the only part that holds the connection.
     */
    private void refresh() {
        synchronized (mirrorLock) {
            long started = System.nanoTime();
            List<Path> raw = mirror(LakeLayout.RAW_EVENTS).stream()
                    .filter(f -> LakeLayout.dayOf(slashed(f)).isPresent())
                    .toList();
            List<Path> compacted = mirror(LakeLayout.COMPACTED_EVENTS).stream()
                    .filter(f -> f.toString().endsWith(".parquet")
                            && LakeLayout.dayOf(slashed(f)).isPresent())
                    .toList();
            synchronized (this) {
                sync(
                        RAW_TABLE,
                        LakeLayout.RAW_EVENTS,
                        raw,
                        files -> "SELECT *, " + PART_DAY + " FROM " + readRaw(files));
                sync(
                        COMPACTED_TABLE,
                        LakeLayout.COMPACTED_EVENTS,
                        compacted,
                        files -> "SELECT " + COMPACTED_NAMES + ", filename, " + PART_DAY + " FROM read_parquet("
                                + list(files) + ", filename = true, hive_partitioning = false)");
            }
            syncedAt = started;
        }
    }

    /**
     * Makes {@code table} hold the lines of exactly {@code files} at their current ETags: drops the
     * lines of files that vanished or changed, then loads the new and changed ones in one statement.
     */
    private void sync(String table, String prefix, List<Path> files, Function<List<Path>, String> select) {
        Map<Path, String> current = new LinkedHashMap<>();
        files.forEach(f -> current.put(f, etags.get(bucketKey(f))));
        Path root = local(prefix);
        List<Path> stale = loaded.keySet().stream()
                .filter(p -> p.startsWith(root))
                .filter(p -> !Objects.equals(current.get(p), loaded.get(p)))
                .toList();
        List<Path> fresh = current.keySet().stream()
                .filter(p -> !Objects.equals(current.get(p), loaded.get(p)))
                .toList();
        if (!stale.isEmpty()) {
            run("DELETE FROM " + table + " WHERE filename IN "
                    + list(stale).replace('[', '(').replace(']', ')'));
            stale.forEach(loaded::remove);
        }
        if (!fresh.isEmpty()) {
            run("INSERT INTO " + table + " BY NAME " + select.apply(fresh));
            fresh.forEach(p -> loaded.put(p, current.get(p)));
            LOG.info("lake objects parsed", "table", table, "objects", fresh.size(), "dropped", stale.size());
        }
    }

    private static String readRaw(List<Path> files) {
        return "read_json(" + list(files)
                + ", format = 'newline_delimited', ignore_errors = true, filename = true, hive_partitioning = false, columns = "
                + RAW_COLUMNS + ")";
    }

    private static String slashed(Path file) {
        return file.toString().replace('\\', '/');
    }

    /**
     * Brings the local copy of every object under {@code prefix} up to date (new or changed objects
     * downloaded, vanished ones deleted) and returns the local files.
     */
    public List<Path> mirror(String prefix) {
        synchronized (mirrorLock) {
            return mirrorLocked(prefix);
        }
    }

    private List<Path> mirrorLocked(String prefix) {
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
                    for (Path stale : walk.filter(Files::isRegularFile)
                            .filter(p -> !keep.contains(p))
                            .toList()) {
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
        return files.stream()
                .map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public synchronized List<Map<String, Object>> execute(String sql) {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rows(rs);
        } catch (SQLException e) {
            throw new LakeSqlException("DuckDB: " + e.getMessage(), e);
        }
    }

    /** Runs a statement that returns no rows (the compaction's COPY). */
    public synchronized void run(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new LakeSqlException("DuckDB: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= columns; c++) {
                int type = meta.getColumnType(c);
                Object value = type == Types.TIMESTAMP
                        ? rs.getObject(c, LocalDateTime.class)
                        : type == Types.DATE ? rs.getObject(c, LocalDate.class) : rs.getObject(c);
                row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), SqlValues.normalise(value));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public synchronized void close() {
        refresher.shutdownNow();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("DuckDB close failed", "error", e.getMessage());
        }
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete the lake mirror", "folder", cacheDir.toString(), "error", e.getMessage());
        }
    }
}
