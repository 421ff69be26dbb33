package com.quanyu.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.train.features.SqlTrainingFeatures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Fixture lines in a lake bucket of their own in the S3 stand-in, and the SQL layer over it (DuckDB). */
final class FixtureLake implements AutoCloseable {
    static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    private final LakeSql sql;

    private FixtureLake(LakeSql sql) {
        this.sql = sql;
    }

    /** Writes the lines 200 per call (one object per day and channel of each call), as ingest batches would. */
    static FixtureLake of(StandIns aws, List<ObjectNode> lines, Path cache) {
        String bucket = "train-lake-" + System.nanoTime();
        aws.s3().createBucket(b -> b.bucket(bucket));
        LakeWriter writer = new LakeWriter(aws.s3(), bucket, Clock.systemUTC());
        for (int i = 0; i < lines.size(); i += 200) {
            writer.write(lines.subList(i, Math.min(lines.size(), i + 200)));
        }
        return new FixtureLake(new LakeSql(
                new DuckDbEngine(aws.s3(), bucket, cache),
                () -> CompactionState.watermark(aws.s3(), bucket),
                ZoneId.of("UTC")));
    }

    /** The training feature sets of at most about {@code maxPeople} people. */
    SqlTrainingFeatures features(long maxPeople) {
        return new SqlTrainingFeatures(sql, SINCE, maxPeople, "fixture lake");
    }

    @Override
    public void close() {
        sql.close();
    }
}
