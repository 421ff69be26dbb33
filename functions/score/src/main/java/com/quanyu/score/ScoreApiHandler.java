package com.quanyu.score;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.score.store.StockList;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.aws.SnapStartPriming;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.HttpApiHandler;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.ml.BinaryClassifier;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.risk.OrderRiskRules;
import com.quanyu.shared.risk.OrderRiskScorers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * HTTP API of the score function: scores, recommendations, related products, order risk, and the
 * live segmentation's segments with their size and value. Models load once per execution
 * environment (on first use, or into the SnapStart snapshot by its priming) and are swapped in the
 * background when the registry's pointer moves (checked at most every {@code MODEL_REFRESH_MINUTES}).
 */
public final class ScoreApiHandler implements HttpApiHandler {
    public static final String PROPENSITY = "propensity";
    public static final String RECOMMENDER = "recommender";

    private final Router router;
    private final SnapStartPriming priming;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ScoreApiHandler() {
        this(Env.system());
    }

    public ScoreApiHandler(Env env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        S3Client s3 = AwsClients.s3(env);
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        ModelRegistry registry = ModelRegistry.of(s3, env.required("MODELS_BUCKET"));
        Duration refresh = Duration.ofMinutes(env.intValue("MODEL_REFRESH_MINUTES", 5));
        LiveModel<BinaryClassifier> propensity = LiveModel.of(
                registry,
                PROPENSITY,
                (artifact, metadata) -> BinaryClassifier.decode(artifact, metadata, "buys"),
                refresh);
        LiveModel<RecommenderModel> recommender =
                LiveModel.of(registry, RECOMMENDER, (artifact, metadata) -> RecommenderModel.decode(artifact), refresh);
        LiveModel<BinaryClassifier> risk = OrderRiskScorers.liveModel(registry, refresh);
        ScoringService service = new ScoringService(
                new CustomerProfileData(stores.reader(), stores.orders()),
                propensity::current,
                recommender::current,
                new StockList(
                        s3,
                        env.required("DATA_LAKE_BUCKET"),
                        Duration.ofSeconds(env.intValue("STOCK_REFRESH_SECONDS", 60)),
                        Clock.systemUTC()),
                OrderRiskScorers.withModel(
                        OrderRiskRules.defaults(),
                        risk::current,
                        env.doubleValue("RISK_FLAG_THRESHOLD", OrderRiskScorers.DEFAULT_FLAG_THRESHOLD)),
                Clock.systemUTC());
        this.router = routes(service, new LiveSegments(registry), Clock.systemUTC());
        // Each model loads on its route's first call (a cold start loads only the one its request needs);
        // SnapStart's priming loads all three into the snapshot.
        this.priming = SnapStartPriming.register("score-api", () -> {
            propensity.current();
            recommender.current();
            risk.current();
            prime(service);
        });
    }

    /**
     * The request path without effects, for the SnapStart snapshot: Customer 360's two calls for a
     * profile that does not exist (routing, the staff check, the profile reads: scores 404,
     * recommendations the popular products in stock), the models' scoring and explanation on an
     * empty activity, and the JSON answer (related products).
     */
    private void prime(ScoringService service) {
        Map<String, String> id = Map.of("id", "priming");
        SnapStartPriming.handle(
                router, SnapStartPriming.staffGet("GET /v1/profiles/{id}/scores", "/v1/profiles/priming/scores", id));
        SnapStartPriming.handle(
                router,
                SnapStartPriming.staffGet(
                        "GET /v1/profiles/{id}/recommendations",
                        "/v1/profiles/priming/recommendations",
                        id,
                        Map.of("n", "5")));
        service.prime();
        try {
            ApiResponses.ok(service.related("SKU-1", 10));
        } catch (UnknownSubjectException unknownSku) {
            // not every catalogue has this SKU: the model was consulted all the same
        }
    }

    /** The snapshot priming this handler registered (tests run it directly). */
    SnapStartPriming priming() {
        return priming;
    }

    static Router routes(ScoringService service, LiveSegments segments, Clock clock) {
        return Router.builder()
                .get("/v1/segments", r -> ApiResponses.ok(segments.current()))
                .get(
                        "/v1/profiles/{id}/scores",
                        r -> ApiResponses.ok(known(() -> service.scores(r.requiredPathParameter("id")))
                                .json()))
                .get(
                        "/v1/profiles/{id}/recommendations",
                        r -> ApiResponses.ok(known(() -> service.recommendations(
                                r.requiredPathParameter("id"), r.intQueryParameter("n", 10, 1, 100)))))
                .get(
                        "/v1/products/{sku}/related",
                        r -> ApiResponses.ok(known(() ->
                                service.related(r.requiredPathParameter("sku"), r.intQueryParameter("n", 10, 1, 100)))))
                .post("/v1/orders/risk", r -> ApiResponses.ok(service.risk(RiskRequests.parse(r.jsonBody(), clock))))
                .build();
    }

    /** The service's answer; an unknown person or product is the API's 404. */
    private static <T> T known(java.util.function.Supplier<T> answer) {
        try {
            return answer.get();
        } catch (UnknownSubjectException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }
}
