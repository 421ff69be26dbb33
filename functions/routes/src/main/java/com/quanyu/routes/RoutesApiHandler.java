package com.quanyu.routes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.routes.api.RouteRequest;
import com.quanyu.routes.api.RouteRequestParser;
import com.quanyu.routes.api.RouteResponse;
import com.quanyu.routes.draw.SvgRenderer;
import com.quanyu.routes.jobs.JobIds;
import com.quanyu.routes.jobs.RouteJob;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import com.quanyu.routes.solver.RouteSolver;
import com.quanyu.routes.solver.SolverResult;
import com.quanyu.routes.store.RouteJobStore;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP API of the route solver: {@code POST /v1/routes/solve} solves synchronously (at most 20 s,
 * inside API Gateway's 30 s limit); {@code POST /v1/routes/jobs} queues a larger solve (up to
 * 600 s) for {@link RouteJobWorker}; {@code GET /v1/routes/jobs/{id}} polls it. {@code ?format=svg}
 * returns a drawing of the routes instead of JSON.
 */
public final class RoutesApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The synchronous limit; the job limit is {@link RouteJobWorker#MAX_SECONDS}. */
    static final int SYNC_MAX_SECONDS = 20;

    private static final JsonLogger LOG = JsonLogger.of(RoutesApiHandler.class);

    private final Router router;
    private final RouteJobStore jobs;
    private final Clock clock;
    private final RouteRequestParser syncParser = new RouteRequestParser(5, SYNC_MAX_SECONDS);
    private final RouteRequestParser jobParser = new RouteRequestParser(30, RouteJobWorker.MAX_SECONDS);

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public RoutesApiHandler() {
        this(Env.system());
    }

    public RoutesApiHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public RoutesApiHandler(Env env, Clock clock) {
        this.clock = clock;
        this.jobs = new RouteJobStore(
                AwsClients.dynamoDb(env),
                AwsClients.s3(env),
                env.required("ROUTE_JOBS_TABLE"),
                env.required("DATA_LAKE_BUCKET"));
        this.router = Router.builder()
                .post("/v1/routes/solve", this::solve)
                .post("/v1/routes/jobs", this::submit)
                .get("/v1/routes/jobs/{id}", this::poll)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }

    private APIGatewayV2HTTPResponse solve(ApiRequest request) {
        boolean svg = wantsSvg(request);
        RouteRequest parsed = syncParser.parse(request.jsonBody());
        if (svg && !parsed.problem().hasCoordinates()) {
            throw ApiException.invalidField(
                    "format", "svg needs coordinates (x/y or lat/lon) for the depot and customers");
        }
        SolverResult result = RouteSolver.solve(parsed.problem(), parsed.options());
        LOG.info(
                "routes solved",
                "customers",
                parsed.problem().customerCount(),
                "vehicles",
                result.vehicles(),
                "distance",
                result.distance(),
                "feasible",
                result.feasible(),
                "elapsedMs",
                result.elapsed().toMillis());
        if (svg) {
            return svg(parsed.problem(), result.solution(), "routes");
        }
        return ApiResponses.ok(
                RouteResponse.of(parsed.problem(), result, parsed.options().seed()));
    }

    private APIGatewayV2HTTPResponse submit(ApiRequest request) {
        JsonNode body = request.jsonBody();
        jobParser.parse(body); // reject bad or infeasible input now, not in the worker
        String id = request.header("Idempotency-Key")
                .filter(k -> !k.isBlank())
                .map(JobIds::fromIdempotencyKey)
                .orElseGet(JobIds::random);
        RouteJob job = jobs.create(id, Json.write(body), clock.instant());
        LOG.info("route job queued", "jobId", id, "status", job.status().name());
        return ApiResponses.json(202, jobBody(job));
    }

    private APIGatewayV2HTTPResponse poll(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        if (!JobIds.valid(id)) {
            throw ApiException.notFound("no route job " + id);
        }
        RouteJob job = jobs.find(id).orElseThrow(() -> ApiException.notFound("no route job " + id));
        Map<String, Object> body = jobBody(job);
        if (job.status() != RouteJob.Status.DONE) {
            if (wantsSvg(request)) {
                throw ApiException.conflict(
                        "route job " + id + " is " + job.status().name().toLowerCase(Locale.ROOT) + "; no drawing yet");
            }
            return ApiResponses.ok(body);
        }
        String stored = jobs.result(id)
                .orElseThrow(() -> ApiException.unavailable("result of job " + id + " is not readable yet", null));
        JsonNode result = Json.read(stored, JsonNode.class);
        if (wantsSvg(request)) {
            Problem problem =
                    jobParser.parse(Json.read(jobs.request(id), JsonNode.class)).problem();
            if (!problem.hasCoordinates()) {
                throw ApiException.invalidField(
                        "format", "svg needs coordinates (x/y or lat/lon) for the depot and customers");
            }
            return svg(problem, RouteResponse.solutionOf(problem, result), "route job " + id);
        }
        body.put("result", result);
        return ApiResponses.ok(body);
    }

    private static Map<String, Object> jobBody(RouteJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.id());
        body.put("status", job.status().name().toLowerCase(Locale.ROOT));
        body.put("createdAt", job.createdAt().toString());
        job.finishedAt().ifPresent(t -> body.put("finishedAt", t.toString()));
        job.error().ifPresent(e -> body.put("error", e));
        body.put("statusUrl", "/v1/routes/jobs/" + job.id());
        return body;
    }

    private static boolean wantsSvg(ApiRequest request) {
        String format = request.queryParameter("format").orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("svg")) {
            throw ApiException.invalidField("format", "must be 'json' or 'svg'");
        }
        return format.equals("svg");
    }

    private static APIGatewayV2HTTPResponse svg(Problem problem, Solution solution, String title) {
        return ApiResponses.text(200, "image/svg+xml", SvgRenderer.render(problem, solution, title));
    }
}
