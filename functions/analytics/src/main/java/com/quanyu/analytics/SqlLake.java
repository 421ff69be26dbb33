package com.quanyu.analytics;

import com.quanyu.shared.lake.sql.LakeSql;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/**
 * {@link LakeQueries} over the shared {@link LakeSql} runner (DuckDB locally, Athena in AWS). Results
 * are kept for a minute per query and parameters: dashboards re-read the same figures on every page
 * view, and a minute-old figure is fine where each query scans the lake.
 */
public final class SqlLake implements LakeQueries {
    private static final String DAY_PREFIX = "events/dt=";

    private record Result(List<Map<String, Object>> rows, Instant at) {}

    private final Map<String, Result> cache = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final LakeSql sql;
    private final S3Client s3;
    private final String bucket;

    public SqlLake(LakeSql sql, S3Client s3, String bucket, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.sql = sql;
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<Map<String, Object>> query(String name, Map<String, ?> params) {
        String key = name + new TreeMap<>(params);
        Instant now = clock.instant();
        Result cached = cache.get(key);
        if (cached != null && cached.at().plus(ttl).isAfter(now)) {
            return cached.rows();
        }
        List<Map<String, Object>> rows = sql.query(name, params);
        cache.put(key, new Result(rows, now));
        cache.values().removeIf(r -> !r.at().plus(ttl).isAfter(now));
        return rows;
    }

    @Override
    public Optional<LocalDate> newestDay() {
        Optional<String> newest = Optional.empty();
        for (var page : s3.listObjectsV2Paginator(
                b -> b.bucket(bucket).prefix(DAY_PREFIX).delimiter("/"))) {
            Optional<String> max =
                    page.commonPrefixes().stream().map(CommonPrefix::prefix).max(String::compareTo);
            if (max.isPresent() && (newest.isEmpty() || max.get().compareTo(newest.get()) > 0)) {
                newest = max;
            }
        }
        return newest.map(p -> LocalDate.parse(p.substring(DAY_PREFIX.length(), DAY_PREFIX.length() + 10)));
    }
}
