package com.quanyu.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.routes.api.RouteRequestParser;
import com.quanyu.routes.api.RouteResponse;
import com.quanyu.routes.check.FeasibilityChecker;
import com.quanyu.routes.check.SolutionReport;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.store.RouteJobStore;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class RoutesApiHandlerTest {
    private final StandIns aws;
    private final RoutesApiHandler handler;

    RoutesApiHandlerTest(StandIns aws) {
        this.aws = aws;
        this.handler = new RoutesApiHandler(aws.envFor("RoutesFunction"));
    }

    /** The sample event's body: 12 customers around a depot, with windows on some. */
    private static ObjectNode sample() throws Exception {
        JsonNode event = Json.parse(Files.readString(Path.of("../../events/routes/solve.json")));
        ObjectNode body = (ObjectNode) Json.parse(event.get("body").asText());
        ((ObjectNode) body.get("options")).put("timeLimitSeconds", 1).put("maxIterations", 200);
        return body;
    }

    private APIGatewayV2HTTPResponse solve(JsonNode body, Map<String, String> query) {
        return handler.handleRequest(ApiEvents.post("/v1/routes/solve", Json.write(body), query, Map.of()), null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.parse(response.getBody());
    }

    /** The response's routes, re-checked by the independent checker against the request. */
    private static SolutionReport recheck(JsonNode request, JsonNode response) {
        Problem problem = new RouteRequestParser(5, 20).parse(request).problem();
        return FeasibilityChecker.check(problem, RouteResponse.solutionOf(problem, response));
    }

    @Test
    void solvesTheSampleWithFeasibleRoutesAndPerRouteFigures() throws Exception {
        ObjectNode request = sample();
        APIGatewayV2HTTPResponse response = solve(request, Map.of());
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonNode body = json(response);
        assertEquals("feasible", body.get("status").asText());
        assertEquals(0, body.get("violations").size());
        SolutionReport report = recheck(request, body);
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(report.totalDistance(), body.get("totalDistance").asDouble(), 1e-3);
        int capacity = request.get("vehicles").get("capacity").asInt();
        for (JsonNode route : body.get("routes")) {
            assertTrue(route.get("load").asInt() <= capacity);
            assertTrue(route.get("distance").asDouble() > 0);
            assertEquals(route.get("stops").size(), route.get("serviceStarts").size());
        }
    }

    @Test
    void drawsTheRoutesAsSvg() throws Exception {
        APIGatewayV2HTTPResponse response = solve(sample(), Map.of("format", "svg"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("image/svg+xml", response.getHeaders().get("content-type"));
        String svg = response.getBody();
        assertTrue(svg.startsWith("<svg"));
        assertEquals(12, count(svg, "class=\"customer\""));
        assertEquals(1, count(svg, "class=\"depot\""));
        assertTrue(count(svg, "class=\"route\"") >= 2);
    }

    @Test
    void namesTheFieldOfInvalidInput() throws Exception {
        assertError(b -> ((ObjectNode) b.get("customers").get(3)).put("demand", -2), 400, "customers[3].demand");
        assertError(b -> ((ObjectNode) b.get("customers").get(1)).remove("lat"), 400, "customers[1].lat");
        assertError(b -> ((ObjectNode) b.get("vehicles")).put("capacity", "lots"), 400, "vehicles.capacity");
        assertError(b -> ((ObjectNode) b.get("options")).put("timeLimitSeconds", 60), 400, "options.timeLimitSeconds");
        assertError(
                b -> ((ObjectNode) b.get("customers").get(2))
                        .set("timeWindow", Json.object().put("start", 50).put("end", 10)),
                400,
                "customers[2].timeWindow");
        assertError(b -> ((ObjectNode) b.get("customers").get(4)).put("id", "C1"), 400, "customers[4].id");
        assertError(b -> b.put("objective", "fastest"), 400, "objective");
        assertError(b -> b.put("colour", "red"), 400, "colour");
        assertError(b -> b.set("customers", Json.mapper().createArrayNode()), 400, "customers");
        APIGatewayV2HTTPResponse malformed =
                handler.handleRequest(ApiEvents.post("/v1/routes/solve", "{\"depot\":", Map.of(), Map.of()), null);
        assertEquals(400, malformed.getStatusCode());
        assertEquals("malformed_json", json(malformed).get("error").asText());
    }

    @Test
    void rejectsInfeasibleInputNamingTheCustomer() throws Exception {
        assertError(b -> ((ObjectNode) b.get("customers").get(5)).put("demand", 1000), 422, "C6");
        assertError(
                b -> ((ObjectNode) b.get("customers").get(7))
                        .set("timeWindow", Json.object().put("start", 0).put("end", 1)),
                422,
                "C8");
        assertError(b -> ((ObjectNode) b.get("vehicles")).put("count", 1), 422, "fleet");
    }

    private void assertError(Consumer<ObjectNode> change, int status, String named) throws Exception {
        ObjectNode body = sample();
        change.accept(body);
        APIGatewayV2HTTPResponse response = solve(body, Map.of());
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode error = json(response);
        assertTrue(error.get("message").asText().contains(named), error.toString());
        assertFalse(error.get("error").asText().isBlank());
    }

    @Test
    void runsAnAsyncJobThroughTheStoreAndReturnsItsResult() throws Exception {
        ObjectNode request = sample();
        Map<String, String> key = Map.of("Idempotency-Key", "job-test-" + System.nanoTime());
        APIGatewayV2HTTPResponse submitted =
                handler.handleRequest(ApiEvents.post("/v1/routes/jobs", Json.write(request), Map.of(), key), null);
        assertEquals(202, submitted.getStatusCode(), submitted.getBody());
        String id = json(submitted).get("jobId").asText();
        APIGatewayV2HTTPResponse again =
                handler.handleRequest(ApiEvents.post("/v1/routes/jobs", Json.write(request), Map.of(), key), null);
        assertEquals(id, json(again).get("jobId").asText(), "a retried submission returns the same job");

        JsonNode queued = json(handler.handleRequest(ApiEvents.getJob(id, Map.of()), null));
        assertEquals("queued", queued.get("status").asText());
        assertEquals(
                409,
                handler.handleRequest(ApiEvents.getJob(id, Map.of("format", "svg")), null)
                        .getStatusCode());

        RouteJobWorker worker = new RouteJobWorker(aws.envFor("RouteJobsWorkerFunction"));
        S3Event created = objectCreated(
                aws.envFor("RouteJobsWorkerFunction").required("DATA_LAKE_BUCKET"),
                RouteJobStore.REQUEST_PREFIX + id + ".json");
        worker.handleRequest(created, null);
        worker.handleRequest(created, null); // a duplicate delivery does nothing

        APIGatewayV2HTTPResponse done = handler.handleRequest(ApiEvents.getJob(id, Map.of()), null);
        assertEquals(200, done.getStatusCode());
        JsonNode body = json(done);
        assertEquals("done", body.get("status").asText(), body.toString());
        SolutionReport report = recheck(request, body.get("result"));
        assertTrue(report.feasible(), report.violations().toString());
        assertEquals(0, body.get("result").get("violations").size());

        APIGatewayV2HTTPResponse svg = handler.handleRequest(ApiEvents.getJob(id, Map.of("format", "svg")), null);
        assertEquals(200, svg.getStatusCode(), svg.getBody());
        assertTrue(svg.getBody().contains("class=\"depot\""));
    }

    @Test
    void unknownJobsAreNotFound() throws Exception {
        APIGatewayV2HTTPResponse missing =
                handler.handleRequest(ApiEvents.getJob("0123456789abcdef0123456789abcdef", Map.of()), null);
        assertEquals(404, missing.getStatusCode());
        assertEquals("not_found", json(missing).get("error").asText());
        assertEquals(
                404,
                handler.handleRequest(ApiEvents.getJob("../etc", Map.of()), null)
                        .getStatusCode());
    }

    private static S3Event objectCreated(String bucket, String key) {
        var record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1",
                "ObjectCreated:Put",
                "aws:s3",
                "2026-11-29T00:00:00Z",
                "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("x", "y"),
                new S3EventNotification.S3Entity(
                        "test",
                        new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
                        new S3EventNotification.S3ObjectEntity(key, 1L, "etag", "1", "seq"),
                        "1.0"),
                new S3EventNotification.UserIdentityEntity("test"));
        return new S3Event(List.of(record));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
