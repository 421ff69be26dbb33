package com.quanyu.analytics;

import com.quanyu.shared.lake.sql.LakeSql;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

/** {@link LakeQueries} over the shared {@link LakeSql} runner (DuckDB locally, Athena in AWS). */
public final class SqlLake implements LakeQueries {
    private static final String DAY_PREFIX = "events/dt=";

    private final LakeSql sql;
    private final S3Client s3;
    private final String bucket;

    public SqlLake(LakeSql sql, S3Client s3, String bucket) {
        this.sql = sql;
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<Map<String, Object>> query(String name, Map<String, ?> params) {
        return sql.query(name, params);
    }

    @Override
    public Optional<LocalDate> newestDay() {
        Optional<String> newest = Optional.empty();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(DAY_PREFIX).delimiter("/"))) {
            Optional<String> max = page.commonPrefixes().stream().map(CommonPrefix::prefix).max(String::compareTo);
            if (max.isPresent() && (newest.isEmpty() || max.get().compareTo(newest.get()) > 0)) {
                newest = max;
            }
        }
        return newest.map(p -> LocalDate.parse(p.substring(DAY_PREFIX.length(), DAY_PREFIX.length() + 10)));
    }
}
