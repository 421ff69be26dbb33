package com.quanyu.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.ml.LivePointer;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.store.ModelRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The admin console's view of the model registry: {@code GET /v1/admin/models} lists every model's
 * live version and its newest versions with metrics, gate decision and provenance;
 * {@code POST /v1/admin/models/{model}/rollback} with {@code {"version"?, "reason"?}} re-points the
 * live model (to the previous live version without {@code version}), as the train job's rollback does.
 */
public final class ModelsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final int VERSIONS_SHOWN = 10;

    private final ModelRegistry registry;
    private final Router router;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ModelsApiHandler() {
        this(Env.system());
    }

    public ModelsApiHandler(Env env) {
        this(ModelRegistry.of(AwsClients.s3(env), env.required("MODELS_BUCKET")));
    }

    ModelsApiHandler(ModelRegistry registry) {
        this.registry = registry;
        this.router = Router.builder()
                .get("/v1/admin/models", this::list)
                .post("/v1/admin/models/{model}/rollback", this::rollback)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return router.handle(event);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        List<Map<String, Object>> models = new ArrayList<>();
        for (String kind : TrainingJob.ALL_MODELS.stream().sorted().toList()) {
            List<String> versions = registry.versions(kind);
            List<Map<String, Object>> shown = new ArrayList<>();
            for (String version : versions.subList(Math.max(0, versions.size() - VERSIONS_SHOWN), versions.size())
                    .reversed()) {
                registry.metadata(kind, version).ifPresent(m -> shown.add(view(m)));
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("task", kind);
            model.put("live", registry.live(kind).map(LivePointer::version).orElse(null));
            model.put("pointer", registry.live(kind).orElse(null));
            model.put("versions", shown);
            models.add(model);
        }
        return ApiResponses.ok(Map.of("models", models));
    }

    private static Map<String, Object> view(ModelMetadata m) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", m.version());
        view.put("algorithm", m.algorithm());
        view.put("trainedAt", m.createdAt());
        view.put("codeVersion", m.codeVersion());
        view.put("metrics", m.metrics());
        view.put("primaryMetric", m.primaryMetric());
        view.put("gate", m.gate());
        view.put("data", m.data());
        view.put("provenance", m.provenance());
        return view;
    }

    private APIGatewayV2HTTPResponse rollback(ApiRequest request) {
        String kind = request.requiredPathParameter("model");
        if (!TrainingJob.ALL_MODELS.contains(kind)) {
            throw ApiException.notFound("unknown model " + kind + "; known: " + TrainingJob.ALL_MODELS);
        }
        JsonNode body = request.body() == null || request.body().isBlank()
                ? com.quanyu.shared.json.Json.object()
                : request.jsonBody();
        String reason = body.path("reason").asText("rollback from the console");
        try {
            LivePointer pointer = body.hasNonNull("version")
                    ? registry.rollback(kind, body.get("version").asText(), reason)
                    : registry.rollback(kind, reason);
            return ApiResponses.ok(pointer);
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
