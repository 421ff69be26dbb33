package com.quanyu.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import com.quanyu.shared.log.Metrics;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.features.SqlTrainingFeatures;
import com.quanyu.train.propensity.PropensityTraining;
import com.quanyu.train.store.ProfilesTableSize;
import com.quanyu.train.store.S3FraudLabels;
import com.quanyu.train.store.SqsShardQueue;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Scheduled (EventBridge, nightly) and on-demand jobs of the model registry:
 * <ul>
 *   <li>{@code {"job": "train"}} trains every model ({@code "models": ["propensity", ...]} to pick);</li>
 *   <li>{@code {"job": "rollback", "model": "propensity", "version": "...", "reason": "..."}} re-points a
 *       model to an earlier version (without {@code version}: to the previously live one);</li>
 *   <li>{@code {"job": "status"}} lists the live version of every model;</li>
 *   <li>{@code {"job": "score"}} queues a batch-scoring run of every profile with the live models
 *       ({@code "shards": n} to choose the number of shards); a training run with segments queues one itself.</li>
 * </ul>
 * Invalid input is answered with {@code {"error": ..., "message": ...}} rather than an exception.
 */
public final class TrainJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Env env;
    // Built once per execution environment: the SDK clients' connection pools outlive invocations.
    private final S3Client s3;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final ModelRegistry registry;
    private final Clock clock = Clock.systemUTC();
    /** The lake's SQL layer (Athena in AWS, DuckDB locally), built on the first training run of the environment. */
    private LakeSql lakeSql;

    public TrainJobHandler() {
        this(Env.system());
    }

    public TrainJobHandler(Env env) {
        this.env = env;
        this.s3 = AwsClients.s3(env);
        this.dynamo = AwsClients.dynamoDb(env);
        this.sqs = AwsClients.client(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS");
        this.registry = ModelRegistry.of(s3, env.required("MODELS_BUCKET"));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Invocations.start(context);
        return Metrics.timed("train", () -> run(input, context));
    }

    private Map<String, Object> run(Map<String, Object> input, Context context) {
        Map<String, Object> request = input == null ? Map.of() : input;
        String job = String.valueOf(request.getOrDefault("job", "train"));
        try {
            return switch (job) {
                case "train", "train-all" -> train(request);
                case "rollback" -> rollback(request);
                case "status" -> status();
                case "score" -> score(request);
                default -> error("unknown_job", "job must be train, score, rollback or status, not '" + job + "'");
            };
        } catch (IllegalArgumentException e) {
            return error("invalid_request", e.getMessage());
        }
    }

    private Map<String, Object> train(Map<String, Object> request) {
        Set<String> models = new HashSet<>(TrainingJob.ALL_MODELS);
        if (request.get("models") instanceof List<?> requested) {
            models.clear();
            for (Object m : requested) {
                if (!TrainingJob.ALL_MODELS.contains(String.valueOf(m))) {
                    throw new IllegalArgumentException("unknown model '" + m + "'; known: " + TrainingJob.ALL_MODELS);
                }
                models.add(String.valueOf(m));
            }
        }
        String lake = env.required("DATA_LAKE_BUCKET");
        int lookbackDays = env.intValue("TRAINING_LOOKBACK_DAYS", 180);
        LocalDate since = LocalDate.now(clock).minusDays(lookbackDays);
        int samplePeople = env.intValue("TRAINING_SAMPLE_PEOPLE", 50_000);
        var job = new TrainingJob(
                registry,
                () -> new SqlTrainingFeatures(lakeSql(), since, samplePeople, "s3://" + lake + "/"),
                () -> new S3FraudLabels(s3, lake).read(),
                fanOut(),
                PropensityTraining.defaults(env.intValue("PROPENSITY_MAX_ROWS", 40_000)),
                clock,
                codeVersion(),
                env.doubleValue("GATE_TOLERANCE", 0.002));
        return Json.mapper().convertValue(job.run(models), Map.class);
    }

    private synchronized LakeSql lakeSql() {
        if (lakeSql == null) {
            lakeSql = LakeSqlEngines.fromEnv(env, s3);
        }
        return lakeSql;
    }

    /** The scoring fan-out: shards of about {@code SCORE_SHARD_ITEMS} profiles-table items on {@code SCORE_SHARDS_QUEUE}. */
    private ScoringFanOut fanOut() {
        var size = new ProfilesTableSize(dynamo, env.required("PROFILES_TABLE"));
        return new ScoringFanOut(
                new SqsShardQueue(sqs, env.required("SCORE_SHARDS_QUEUE")),
                size::approximateItemCount,
                env.intValue("SCORE_SHARD_ITEMS", 100_000),
                clock);
    }

    private Map<String, Object> score(Map<String, Object> request) {
        var segments = registry.live(TrainingJob.SEGMENTS);
        if (segments.isEmpty()) {
            return error("no_model", "no live segments model to score with: train segments first");
        }
        var models = TrainingJob.scoringModels(registry, segments.get().version());
        Object shards = request.get("shards");
        ScoringFanOut.Started started;
        if (shards == null) {
            started = fanOut().start(clock.instant(), models);
        } else if (shards instanceof Number n && n.doubleValue() == n.intValue()) {
            started = fanOut().start(clock.instant(), models, n.intValue());
        } else {
            throw new IllegalArgumentException("shards must be a whole number, not " + shards);
        }
        return Json.mapper().convertValue(started, Map.class);
    }

    /** {@code CODE_VERSION} when the deployment sets it, else the published Lambda version, else "dev". */
    private String codeVersion() {
        return env.optional("CODE_VERSION")
                .or(() -> env.optional("AWS_LAMBDA_FUNCTION_VERSION").map(v -> "lambda-version-" + v))
                .orElse("dev");
    }

    private Map<String, Object> rollback(Map<String, Object> request) {
        Object model = request.get("model");
        if (model == null) {
            throw new IllegalArgumentException("rollback needs \"model\"");
        }
        String reason = String.valueOf(request.getOrDefault("reason", "operator rollback"));
        Object version = request.get("version");
        var pointer = version == null
                ? registry.rollback(String.valueOf(model), reason)
                : registry.rollback(String.valueOf(model), String.valueOf(version), reason);
        return Json.mapper().convertValue(pointer, Map.class);
    }

    private Map<String, Object> status() {
        Map<String, Object> live = new LinkedHashMap<>();
        for (String kind : TrainingJob.ALL_MODELS.stream().sorted().toList()) {
            live.put(
                    kind,
                    registry.live(kind)
                            .map(p -> Json.mapper().convertValue(p, Map.class))
                            .orElse(null));
        }
        return Map.of("live", live);
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", code, "message", message);
    }
}
