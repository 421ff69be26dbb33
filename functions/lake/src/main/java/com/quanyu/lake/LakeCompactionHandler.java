package com.quanyu.lake;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.lake.store.LakeCompaction;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The daily lake compaction (EventBridge schedule): input {@code {"until": "YYYY-MM-DD"}} is optional
 * (default yesterday, UTC). Applies pending erasures, then compacts every changed day up to it.
 */
public final class LakeCompactionHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final LakeCompaction compaction;
    private final Clock clock;

    public LakeCompactionHandler() {
        this(Env.system(), Clock.systemUTC());
    }

    public LakeCompactionHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public LakeCompactionHandler(Env env, Clock clock) {
        String bucket = env.required("DATA_LAKE_BUCKET");
        var s3 = AwsClients.s3(env);
        Path work = Path.of(env.get("LAKE_WORK_DIR", System.getProperty("java.io.tmpdir") + "/quanyu-lake-" + bucket));
        this.compaction = new LakeCompaction(
                s3, bucket, new DuckDbEngine(s3, bucket, work.resolve("mirror")), work.resolve("out"), clock);
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object until = input == null ? null : input.get("until");
        LocalDate day = until == null
                ? LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1)
                : LocalDate.parse(until.toString());
        return compaction.run(day).toMap();
    }
}
