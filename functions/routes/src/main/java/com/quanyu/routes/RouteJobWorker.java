package com.quanyu.routes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.routes.api.RouteRequest;
import com.quanyu.routes.api.RouteRequestParser;
import com.quanyu.routes.api.RouteResponse;
import com.quanyu.routes.solver.RouteSolver;
import com.quanyu.routes.solver.SolverResult;
import com.quanyu.routes.store.RouteJobStore;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Runs queued route jobs: triggered by the request object the API stores under
 * {@code routes/requests/}, it claims the job (a conditional write, so a duplicate S3 delivery does
 * nothing), solves, and stores the result document and the job's final status.
 */
public final class RouteJobWorker implements RequestHandler<S3Event, Void> {
    /** Longest solve a job may ask for; the function timeout leaves room beyond it. */
    static final int MAX_SECONDS = 600;

    private static final JsonLogger LOG = JsonLogger.of(RouteJobWorker.class);

    private final RouteJobStore jobs;
    private final Clock clock;
    private final RouteRequestParser parser = new RouteRequestParser(30, MAX_SECONDS);

    public RouteJobWorker() {
        this(Env.system());
    }

    public RouteJobWorker(Env env) {
        this(env, Clock.systemUTC());
    }

    public RouteJobWorker(Env env, Clock clock) {
        this.clock = clock;
        this.jobs = new RouteJobStore(
                AwsClients.dynamoDb(env),
                AwsClients.s3(env),
                env.required("ROUTE_JOBS_TABLE"),
                env.required("DATA_LAKE_BUCKET"));
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        Invocations.start(context);
        return Metrics.timed("route-jobs-worker", () -> run(event, context));
    }

    private Void run(S3Event event, Context context) {
        for (var record : event.getRecords()) {
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            Optional<String> id = RouteJobStore.jobIdOf(key);
            if (id.isEmpty()) {
                LOG.warn("ignoring object that is not a route job request", "key", key);
                continue;
            }
            run(id.get());
        }
        return null;
    }

    /** Solves one job if this worker can claim it. */
    public void run(String id) {
        if (!jobs.claim(id, clock.instant())) {
            LOG.info("route job already taken or finished", "jobId", id);
            return;
        }
        RouteRequest request;
        try {
            request = parser.parse(Json.read(jobs.request(id), JsonNode.class));
        } catch (ApiException e) {
            jobs.fail(id, e.getMessage(), clock.instant());
            return;
        }
        SolverResult result = RouteSolver.solve(request.problem(), request.options());
        Map<String, Object> body =
                RouteResponse.of(request.problem(), result, request.options().seed());
        jobs.complete(
                id,
                Json.write(body),
                result.distance(),
                result.vehicles(),
                "feasible".equals(body.get("status")),
                clock.instant());
        LOG.info(
                "route job done",
                "jobId",
                id,
                "vehicles",
                result.vehicles(),
                "distance",
                result.distance(),
                "elapsedMs",
                result.elapsed().toMillis());
    }
}
