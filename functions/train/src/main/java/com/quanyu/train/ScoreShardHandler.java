package com.quanyu.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.train.batch.ScoringModels;
import com.quanyu.train.batch.ScoringShard;
import com.quanyu.train.batch.ShardScoring;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The shard worker of batch scoring, on the shard queue (SQS event source, partial batch
 * responses): scores each message's scan segment of the profiles table. A shard that fails (a
 * storage fault, a malformed message, a model that cannot be loaded) is reported as a batch item
 * failure, so SQS delivers it again after the visibility timeout and, after the queue's
 * {@code maxReceiveCount}, moves it to the dead-letter queue, whose alarm tells an operator.
 */
public final class ScoreShardHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final JsonLogger LOG = JsonLogger.of(ScoreShardHandler.class);

    private final ShardScoring scoring;

    public ScoreShardHandler() {
        this(Env.system());
    }

    public ScoreShardHandler(Env env) {
        var profiles = new DynamoProfileRepository(AwsClients.dynamoDb(env), env.required("PROFILES_TABLE"));
        this.scoring = new ShardScoring(
                (segment, total, consumer) ->
                        profiles.forEachLive(segment, total, scored -> consumer.accept(scored.profile())),
                new ScoresWriter(profiles, env.intValue("SCORE_WRITE_THREADS", 16)),
                new ScoringModels(ModelRegistry.of(AwsClients.s3(env), env.required("MODELS_BUCKET"))),
                Clock.systemUTC());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Invocations.start(context);
        return Metrics.timed("score-shards", () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                String receives = message.getAttributes() == null
                        ? null
                        : message.getAttributes().get("ApproximateReceiveCount");
                ScoringShard shard;
                try {
                    shard = ScoringShard.fromJson(message.getBody());
                } catch (IllegalArgumentException malformed) {
                    // never succeeds: it ends in the dead-letter queue, where an operator sees it
                    LOG.error(
                            "malformed shard message",
                            null,
                            "messageId",
                            message.getMessageId(),
                            "receiveCount",
                            receives,
                            "reason",
                            malformed.getMessage());
                    failures.add(failure(message));
                    continue;
                }
                try {
                    scoring.score(shard);
                } catch (RuntimeException e) {
                    LOG.error(
                            "shard failed; SQS retries it, then dead-letters it",
                            e,
                            "messageId",
                            message.getMessageId(),
                            "receiveCount",
                            receives);
                    failures.add(failure(message));
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder()
                .withItemIdentifier(message.getMessageId())
                .build();
    }
}
