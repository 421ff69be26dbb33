package com.quanyu.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.admin.ConversationEraser;
import com.quanyu.ingest.admin.ProfileAdmin;
import com.quanyu.ingest.admin.SourceAdmin;
import com.quanyu.ingest.buffer.BufferRecord;
import com.quanyu.ingest.buffer.EventBuffer;
import com.quanyu.ingest.buffer.aws.KinesisEventBuffer;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.ingest.source.WriteKeyAuth;
import com.quanyu.ingest.store.RateLimiter;
import com.quanyu.ingest.store.RejectedEventArchive;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.aws.Lazy;
import com.quanyu.shared.aws.SnapStartPriming;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventParser;
import com.quanyu.shared.customer.EventType;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.http.HttpApiHandler;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.risk.OrderRiskScorers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HTTP API of the ingest function: Segment-compatible event intake ({@code POST /v1/track},
 * {@code identify}, {@code page}, {@code screen}, {@code group}, {@code alias}, {@code batch}) and
 * the admin routes {@code GET/DELETE /v1/profiles/{id}}. All domain work is in
 * {@code com.quanyu.shared.customer}; this class only wires it to HTTP.
 *
 * <p>With {@code INGEST_STREAM} set (as template.yaml does) accepted events go to that Kinesis stream
 * and {@link IngestStreamHandler} folds them into profiles; without it (blank) the pipeline runs
 * inside the request, the synchronous alternative.
 */
public final class IngestApiHandler implements HttpApiHandler {
    /** The stream accepted events go to; blank or unset: the synchronous write path. */
    public static final String STREAM = "INGEST_STREAM";

    public static final String KINESIS_ENDPOINT = "AWS_ENDPOINT_URL_KINESIS";
    /** A Segment track as SDKs send it, validated when priming for the snapshot. */
    private static final String PRIMING_EVENT =
            "{\"type\":\"track\",\"event\":\"Product Viewed\",\"userId\":\"priming\","
                    + "\"messageId\":\"priming\",\"properties\":{\"sku\":\"SKU-1\"},\"context\":{\"traits\":{\"email\":"
                    + "\"priming@example.com\",\"phone\":\"13800138000\"}}}";

    private final Router router;
    private final SnapStartPriming priming;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public IngestApiHandler() {
        this(Env.system());
    }

    public IngestApiHandler(Env env) {
        // S3 only serves rejected events, the admin routes and the synchronous path: built on first use.
        this(env, AwsClients.dynamoDb(env), Lazy.of(() -> AwsClients.s3(env)));
    }

    /** Over given clients: tests point one at a failing endpoint to prove faults become retryable 503s. */
    public IngestApiHandler(Env env, DynamoDbClient dynamo, S3Client s3) {
        this(env, dynamo, () -> s3);
    }

    private IngestApiHandler(Env env, DynamoDbClient dynamo, Supplier<S3Client> s3) {
        this(env, dynamo, s3, env.optional(STREAM).map(stream -> new KinesisEventBuffer(kinesis(env), stream)));
    }

    /** Over given clients and buffer (empty: the synchronous write path). */
    public IngestApiHandler(Env env, DynamoDbClient dynamo, S3Client s3, Optional<EventBuffer> buffer) {
        this(env, dynamo, () -> s3, buffer);
    }

    private IngestApiHandler(Env env, DynamoDbClient dynamo, Supplier<S3Client> s3, Optional<EventBuffer> buffer) {
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        // The buffered API only validates: the order-risk model (an S3 client, a registry lookup) is the consumer's.
        WritePath writePath = buffer.<WritePath>map(BufferedWritePath::new)
                .orElseGet(() -> new DirectWritePath(stores.pipelineBuilder()
                        .riskScorer(OrderRiskScorers.fromEnv(env))
                        .parallelism(env.intValue("INGEST_PARALLELISM", 8))
                        .lease(Duration.ofSeconds(env.intValue("INGEST_LEASE_SECONDS", 30)))
                        .build()));
        Clock clock = Clock.systemUTC();
        // Per source (write key): SOURCE_REQUESTS_PER_SECOND on average over 10-second windows.
        RateLimiter perSource = RateLimiter.of(
                dynamo,
                env.required("IDEMPOTENCY_TABLE"),
                "source",
                10L * env.intValue("SOURCE_REQUESTS_PER_SECOND", 100),
                Duration.ofSeconds(10),
                clock);
        SourceRegistry sources = new SourceRegistry(dynamo, env.required("SOURCES_TABLE"));
        EventParser parser = stores.pipelineBuilder().build().parser();
        SegmentIntake intake = new SegmentIntake(
                new WriteKeyAuth(sources),
                perSource,
                parser,
                writePath,
                new RejectedEventArchive(s3, env.required("DATA_LAKE_BUCKET"), clock),
                clock);
        SourceAdmin sourceAdmin = new SourceAdmin(sources);
        ProfileAdmin admin = new ProfileAdmin(
                stores.profiles(),
                stores.orders(),
                env.optional("CONVERSATIONS_TABLE").map(table -> new ConversationEraser(dynamo, table)),
                s3,
                env.required("DATA_LAKE_BUCKET"),
                clock);
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
        this.priming = SnapStartPriming.register("ingest-api", () -> prime(parser, s3, clock));
    }

    /**
     * The first request's work without its effects, for the SnapStart snapshot: a track with a write
     * key that does not exist (routing, the key lookup in DynamoDB, the 401), and a sample event
     * validated into its buffer record (parser, identifier hashing, the record's JSON); and the S3
     * client the first request does not build; and a staff read of a profile that does not exist.
     */
    private void prime(EventParser parser, Supplier<S3Client> s3, Clock clock) {
        var unused = s3.get(); // built now so that the snapshot holds it
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST")
                .withPath("/v1/track")
                .build();
        SnapStartPriming.handle(
                router,
                APIGatewayV2HTTPEvent.builder()
                        .withRouteKey("POST /v1/track")
                        .withRawPath("/v1/track")
                        .withHeaders(java.util.Map.of(
                                "content-type", "application/json", "authorization", "Basic cHJpbWluZzo="))
                        .withBody(PRIMING_EVENT)
                        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                                .withHttp(http)
                                .withRequestId("priming")
                                .build())
                        .build());
        // the console's profile read (Customer 360's first call): the staff check and the stores' reads, for an
        // id no profile has (404, nothing written)
        SnapStartPriming.handle(
                router,
                SnapStartPriming.staffGet(
                        "GET /v1/profiles/{id}", "/v1/profiles/priming", java.util.Map.of("id", "priming")));
        Source source = Source.of("priming", "web");
        JsonNode event = Json.read(PRIMING_EVENT, JsonNode.class);
        Instant now = clock.instant();
        BufferRecord.of(
                source, event, EventType.TRACK, now, null, parser.parse(event, source, EventType.TRACK, now, null, ""));
    }

    /** The snapshot priming this handler registered (tests run it directly). */
    SnapStartPriming priming() {
        return priming;
    }

    /** The Kinesis client of the buffer, pointed at {@code AWS_ENDPOINT_URL_KINESIS} when set (kinesalite). */
    static KinesisClient kinesis(Env env) {
        return AwsClients.client(KinesisClient.builder(), env, KINESIS_ENDPOINT);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }
}
