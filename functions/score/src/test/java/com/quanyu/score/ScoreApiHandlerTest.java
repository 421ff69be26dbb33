package com.quanyu.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.score.store.StockList;
import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderLine;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.store.DynamoOrderStore;
import com.quanyu.shared.customer.store.DynamoProfileRepository;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.SegmentSummary;
import com.quanyu.shared.ml.TribuoModels;
import com.quanyu.shared.ml.features.ActivitySnapshot;
import com.quanyu.shared.ml.features.PropensityFeatures;
import com.quanyu.shared.ml.recommend.BoughtTogether;
import com.quanyu.shared.ml.recommend.Interactions;
import com.quanyu.shared.ml.recommend.ItemKnn;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StaffClaims;
import com.quanyu.shared.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class ScoreApiHandlerTest {
    private static final Instant NOW = Instant.now();

    private final StandIns aws;
    private final ScoreApiHandler handler;

    ScoreApiHandlerTest(StandIns aws) {
        this.aws = aws;
        this.handler = new ScoreApiHandler(aws.envFor("ScoreFunction"));
    }

    /** Models in the registry, two profiles, an order and a stock list, before this class's tests. */
    @BeforeAll
    static void seed(StandIns aws) {
        var env = aws.envFor("ScoreFunction");
        var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
        publishPropensity(registry);
        var interactions = Interactions.builder();
        for (String u : List.of("u1", "u2", "u3")) {
            interactions.add(u, "tea", 1).add(u, "cups", 1).add(u, "honey", 1).add(u, "bread", 1);
        }
        for (String u : List.of("u4", "u5")) {
            interactions.add(u, "beer", 1).add(u, "chips", 1).add(u, "bread", 1);
        }
        Interactions data = interactions.build();
        var together = BoughtTogether.fit(
                List.of(List.of("tea", "honey"), List.of("tea", "honey"), List.of("tea", "cups")), 5);
        var model = RecommenderModel.of(data, ItemKnn.fit(data, 10), together);
        registry.publish(
                metadata(registry, "recommender", List.of(), Map.of("hr_at_10", 0.5), Map.of()),
                model.encode(),
                GateDecision.compare("hr_at_10", 0.5, Double.NaN, null, 0.002));

        var profiles = new DynamoProfileRepository(aws.dynamo(), env.required("PROFILES_TABLE"));
        Instant t = NOW.minus(Duration.ofDays(2));
        Profile active = new Profile(
                "p-active",
                0,
                t.minus(Duration.ofDays(90)),
                t,
                Map.of(),
                Map.of(),
                Map.of("web", new Profile.ChannelActivity(t.minus(Duration.ofDays(90)), t)),
                new Profile.Counters(40, 9, 30, 4, 2, 300),
                new Profile.Rfm(t.minus(Duration.ofDays(20)), t.minus(Duration.ofDays(10)), 2, 300),
                List.of(
                        new Profile.EventSummary("track", "Product Added", "tea", "web", t),
                        new Profile.EventSummary("page", null, "tea", "web", t.minusSeconds(60))),
                Map.of(),
                List.of(),
                Map.of(),
                Set.of(),
                null);
        profiles.save(active, 0);
        profiles.save(Profile.empty("p-new"), 0);
        new DynamoOrderStore(aws.dynamo(), env.required("ORDERS_TABLE"))
                .create(new Order(
                        "o-1",
                        "p-active",
                        "web",
                        null,
                        "completed",
                        20,
                        "CNY",
                        List.of(OrderLine.of("cups", "Cups", 1, 20)),
                        t.minus(Duration.ofDays(10)),
                        "k-1",
                        null));
        profiles.writeScores(
                "p-active", new ProfileScores("loyal customers", "R5F4M4", 13, 0.3, Map.of("segments", "v1"), NOW));
        aws.s3()
                .putObject(
                        b -> b.bucket(env.required("DATA_LAKE_BUCKET")).key(StockList.KEY),
                        RequestBody.fromString("{\"outOfStock\": [\"honey\"]}"));
    }

    private static void publishPropensity(ModelRegistry registry) {
        var factory = new LabelFactory();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance("fixture", factory), factory);
        String[] names = PropensityFeatures.NAMES.toArray(String[]::new);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean buyer = i % 4 == 0;
            Instant seen = NOW.minus(Duration.ofDays(buyer ? 1 : 60 + i % 30));
            var snapshot = new ActivitySnapshot(
                    NOW,
                    NOW.minus(Duration.ofDays(200)),
                    seen,
                    buyer ? 10 : 2,
                    buyer ? 40 : 3,
                    buyer ? 5 : 0,
                    buyer ? 3 : 0,
                    buyer ? 500 : 0,
                    buyer ? seen : null,
                    Map.of("web", seen),
                    List.of());
            double[] x = PropensityFeatures.values(snapshot);
            rows.add(x);
            dataset.add(new ArrayExample<>(new Label(buyer ? "buys" : "no"), names, x));
        }
        var model = new LogisticRegressionTrainer().train(dataset);
        Map<String, Double> parameters = new HashMap<>();
        for (int j = 0; j < names.length; j++) {
            final int column = j;
            parameters.put(
                    "baseline." + names[j],
                    rows.stream().mapToDouble(r -> r[column]).average().orElse(0));
        }
        registry.publish(
                metadata(
                        registry,
                        "propensity",
                        PropensityFeatures.NAMES,
                        Map.of("auc_roc", 0.9, "base_rate", 0.25),
                        parameters),
                TribuoModels.toBytes(model),
                GateDecision.compare("auc_roc", 0.9, Double.NaN, null, 0.002));
    }

    private static ModelMetadata metadata(
            ModelRegistry registry,
            String kind,
            List<String> features,
            Map<String, Double> metrics,
            Map<String, Double> parameters) {
        return new ModelMetadata(
                kind,
                registry.newVersion(),
                "fixture",
                NOW,
                "test",
                null,
                features,
                metrics,
                metrics.keySet().iterator().next(),
                null,
                "",
                parameters,
                0,
                null);
    }

    private JsonNode call(
            String routeKey, Map<String, String> path, Map<String, String> query, String body, int status) {
        var event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setPathParameters(path);
        event.setQueryStringParameters(query);
        event.setBody(body);
        APIGatewayV2HTTPResponse response = handler.handleRequest(StaffClaims.authorised(event), null);
        assertEquals(status, response.getStatusCode(), response.getBody());
        return Json.read(response.getBody(), JsonNode.class);
    }

    @Test
    void theSnapStartPrimingRunsTheRequestPathWithoutFailing() {
        assertTrue(handler.priming().prime(), "priming must not fail (a failure is only logged in Lambda)");
    }

    @Test
    void theLiveSegmentationsSegmentsWithTheirSizeAndValue() {
        var env = aws.envFor("ScoreFunction");
        var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
        Map<String, Double> metrics = new HashMap<>();
        metrics.putAll(new SegmentSummary("champions", 12, 9_600.5, 6.5, 9.0).metrics());
        metrics.putAll(new SegmentSummary("hibernating", 30, 2_100.0, 1.2, 80.0).metrics());
        var published = registry.publish(
                new ModelMetadata(
                        SegmentSummary.MODEL_KIND,
                        registry.newVersion(),
                        "fixture k-means",
                        NOW,
                        "test",
                        new ModelMetadata.TrainingData("fixture", NOW.minus(Duration.ofDays(90)), NOW, 42, 0),
                        List.of(),
                        metrics,
                        "none",
                        null,
                        "",
                        Map.of(),
                        0,
                        null),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                GateDecision.forced("none", Double.NaN, "descriptive"));
        JsonNode body = call("GET /v1/segments", Map.of(), null, null, 200);
        assertEquals(published.version(), body.get("live").asText());
        assertEquals(42, body.get("buyers").asLong());
        assertEquals(2, body.get("segments").size());
        JsonNode champions = body.get("segments").get(0);
        assertEquals("champions", champions.get("name").asText());
        assertEquals(12, champions.get("customers").asLong());
        assertEquals(9_600.5, champions.get("revenue").asDouble(), 1e-9);
        assertEquals(6.5, champions.get("meanOrders").asDouble(), 1e-9);
        assertEquals(80.0, body.get("segments").get(1).get("meanRecencyDays").asDouble(), 1e-9);
    }

    @Test
    void unknownProfileScoresAreA404WithAJsonError() {
        JsonNode body = call("GET /v1/profiles/{id}/scores", Map.of("id", "p-nobody"), null, null, 404);
        assertEquals("not_found", body.get("error").asText());
        assertTrue(body.get("message").asText().contains("p-nobody"));
    }

    @Test
    void activeProfileGetsALivePropensityWithExplanationAndItsStoredScores() {
        JsonNode body = call("GET /v1/profiles/{id}/scores", Map.of("id", "p-active"), null, null, 200);
        assertFalse(body.get("coldStart").asBoolean());
        double p = body.at("/propensity/probability").asDouble();
        assertTrue(p > 0 && p < 1, body.toString());
        assertTrue(body.at("/propensity/topFeatures").size() > 0, body.toString());
        assertEquals("loyal customers", body.get("segment").asText());
        assertEquals("R5F4M4", body.get("rfm").asText());
        assertEquals("v1", body.at("/models/segments").asText());
    }

    @Test
    void profileWithoutEventsGetsAMarkedColdStartDefault() {
        JsonNode body = call("GET /v1/profiles/{id}/scores", Map.of("id", "p-new"), null, null, 200);
        assertTrue(body.get("coldStart").asBoolean());
        assertEquals(0.25, body.at("/propensity/probability").asDouble(), 1e-9);
        assertTrue(body.at("/propensity/note").asText().startsWith("cold start"));
    }

    @Test
    void recommendationsExcludeBoughtAndOutOfStockItems() {
        JsonNode body =
                call("GET /v1/profiles/{id}/recommendations", Map.of("id", "p-active"), Map.of("n", "3"), null, 200);
        List<String> skus = new ArrayList<>();
        body.get("items").forEach(i -> skus.add(i.get("sku").asText()));
        assertFalse(skus.contains("cups"), "bought: " + skus);
        assertFalse(skus.contains("honey"), "out of stock: " + skus);
        assertFalse(skus.contains("tea"), "already in the history: " + skus);
        assertEquals("bread", skus.get(0), body.toString());
        assertEquals(3, skus.size());
    }

    @Test
    void unknownProfileGetsPopularItemsMarkedAsColdStart() {
        JsonNode body = call("GET /v1/profiles/{id}/recommendations", Map.of("id", "p-nobody"), null, null, 200);
        assertFalse(body.get("profileFound").asBoolean());
        assertTrue(body.get("coldStart").asBoolean());
        assertEquals("popularity", body.get("strategy").asText());
        assertEquals("bread", body.at("/items/0/sku").asText());
    }

    @Test
    void relatedProductsAndTheirErrors() {
        JsonNode body = call("GET /v1/products/{sku}/related", Map.of("sku", "tea"), null, null, 200);
        assertEquals("cups", body.at("/items/0/sku").asText(), "honey is out of stock: " + body);
        call("GET /v1/products/{sku}/related", Map.of("sku", "no-such-sku"), null, null, 404);
        JsonNode bad = call("GET /v1/products/{sku}/related", Map.of("sku", "tea"), Map.of("n", "0"), null, 400);
        assertEquals("invalid_field", bad.get("error").asText());
    }

    @Test
    void orderRiskScoresValidOrdersAndNamesBadFields() {
        String order = "{\"orderId\":\"o-9\",\"total\":5000,\"currency\":\"cny\",\"accountCreatedAt\":\""
                + NOW.minusSeconds(600) + "\",\"orderTime\":\"" + NOW
                + "\",\"ipCountry\":\"NG\",\"billingCountry\":\"CN\",\"shippingCountry\":\"CN\"}";
        JsonNode risk = call("POST /v1/orders/risk", null, null, order, 200);
        assertTrue(risk.get("flagged").asBoolean(), risk.toString());
        assertEquals("rules", risk.get("modelVersion").asText(), "no order-risk model is published in this test");
        assertEquals(
                "malformed_json",
                call("POST /v1/orders/risk", null, null, "{\"orderId\":", 400)
                        .get("error")
                        .asText());
        JsonNode missing = call("POST /v1/orders/risk", null, null, "{\"orderId\":\"o\",\"currency\":\"CNY\"}", 400);
        assertTrue(missing.get("message").asText().startsWith("total"), missing.toString());
        JsonNode country = call(
                "POST /v1/orders/risk",
                null,
                null,
                "{\"orderId\":\"o\",\"total\":1,\"currency\":\"CNY\",\"ipCountry\":\"China\"}",
                400);
        assertTrue(country.get("message").asText().startsWith("ipCountry"), country.toString());
    }
}
