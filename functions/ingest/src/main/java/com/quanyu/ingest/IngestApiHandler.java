package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.ingest.admin.ConversationEraser;
import com.quanyu.ingest.admin.ProfileAdmin;
import com.quanyu.ingest.admin.SourceAdmin;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.ingest.source.WriteKeyAuth;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.risk.OrderRiskScorers;
import com.quanyu.shared.security.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HTTP API of the ingest function: Segment-compatible event intake ({@code POST /v1/track},
 * {@code identify}, {@code page}, {@code screen}, {@code group}, {@code alias}, {@code batch}) and
 * the admin routes {@code GET/DELETE /v1/profiles/{id}}. All domain work is in
 * {@code com.quanyu.shared.customer}; this class only wires it to HTTP.
 */
public final class IngestApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public IngestApiHandler() {
        this(Env.system());
    }

    public IngestApiHandler(Env env) {
        this(env, AwsClients.dynamoDb(env), AwsClients.s3(env));
    }

    /** Over given clients: tests point one at a failing endpoint to prove faults become retryable 503s. */
    public IngestApiHandler(Env env, DynamoDbClient dynamo, S3Client s3) {
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        var pipeline = stores.pipelineBuilder()
                .riskScorer(OrderRiskScorers.fromEnv(env))
                .parallelism(env.intValue("INGEST_PARALLELISM", 8))
                .lease(Duration.ofSeconds(env.intValue("INGEST_LEASE_SECONDS", 30)))
                .build();
        // Per source (write key): SOURCE_REQUESTS_PER_SECOND on average over 10-second windows.
        RateLimiter perSource = RateLimiter.of(dynamo, env.required("IDEMPOTENCY_TABLE"), "source",
                10L * env.intValue("SOURCE_REQUESTS_PER_SECOND", 100), Duration.ofSeconds(10), Clock.systemUTC());
        SourceRegistry sources = new SourceRegistry(dynamo, env.required("SOURCES_TABLE"));
        SegmentIntake intake = new SegmentIntake(new WriteKeyAuth(sources), perSource, pipeline, Clock.systemUTC());
        SourceAdmin sourceAdmin = new SourceAdmin(sources);
        ProfileAdmin admin = new ProfileAdmin(stores.profiles(), stores.orders(),
                env.optional("CONVERSATIONS_TABLE").map(table -> new ConversationEraser(dynamo, table)),
                s3, env.required("DATA_LAKE_BUCKET"), Clock.systemUTC());
        this.router = Router.builder()
                .post("/v1/track", r -> intake.single(r, EventType.TRACK))
                .post("/v1/identify", r -> intake.single(r, EventType.IDENTIFY))
                .post("/v1/page", r -> intake.single(r, EventType.PAGE))
                .post("/v1/screen", r -> intake.single(r, EventType.SCREEN))
                .post("/v1/group", r -> intake.single(r, EventType.GROUP))
                .post("/v1/alias", r -> intake.single(r, EventType.ALIAS))
                .post("/v1/batch", intake::batch)
                .get("/v1/profiles/{id}", admin::get)
                .delete("/v1/profiles/{id}", admin::delete)
                .get("/v1/admin/sources", sourceAdmin::list)
                .post("/v1/admin/sources", sourceAdmin::create)
                .post("/v1/admin/sources/{id}/rotate", sourceAdmin::rotate)
                .post("/v1/admin/sources/{id}/disable", sourceAdmin::disable)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }
}
