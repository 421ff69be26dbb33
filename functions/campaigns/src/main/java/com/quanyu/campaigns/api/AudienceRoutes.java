package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.audience.Audience;
import com.quanyu.campaigns.audience.AudienceRefresher;
import com.quanyu.campaigns.audience.CustomerListFormat;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Audiences: rules over profile fields and model outputs, counted and exported for ad platforms. */
public final class AudienceRoutes {
    private final CampaignsContext context;

    public AudienceRoutes(CampaignsContext context) {
        this.context = context;
    }

    public void register(Router.Builder router) {
        router.post("/v1/audiences", Failures.mapped(this::create));
        router.get("/v1/audiences/{id}", Failures.mapped(this::get));
        router.post("/v1/audiences/{id}/refresh", Failures.mapped(this::refresh));
    }

    /** {@code {"id", "name", "rule": {...}, "exportFormat": "google"|"meta"}}; answers with the current count. */
    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        if (!body.has("rule")) {
            throw ApiException.invalidField("rule", "is required");
        }
        CustomerListFormat format = body.optionalText("exportFormat")
                .map(f -> {
                    try {
                        return CustomerListFormat.valueOf(f.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalidField("exportFormat", "must be google or meta");
                    }
                })
                .orElse(CustomerListFormat.GOOGLE);
        Audience audience =
                new Audience(body.text("id"), body.text("name"), body.node().get("rule"), format, null, null, null);
        long count = context.refresher().count(List.of(audience)).get(audience.id());
        audience = audience.refreshed(count, null, context.clock().instant());
        if (!context.audiences().create(audience)) {
            throw ApiException.conflict("audience " + audience.id() + " already exists");
        }
        return ApiResponses.json(201, view(audience, null));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.ok(view(audience(request), null));
    }

    /** Counts now and writes the customer list to the lake bucket (the scheduled job does this daily). */
    private APIGatewayV2HTTPResponse refresh(ApiRequest request) {
        AudienceRefresher.Result result =
                context.refresher().refresh(List.of(audience(request))).getFirst();
        context.saveRefresh(result);
        return ApiResponses.ok(view(result.audience(), result.exported()));
    }

    private Audience audience(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        return context.audiences().find(id).orElseThrow(() -> ApiException.notFound("no audience " + id));
    }

    private static Map<String, Object> view(Audience audience, Long exported) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", audience.id());
        view.put("name", audience.name());
        view.put("rule", audience.rule());
        view.put("exportFormat", audience.exportFormat());
        view.put("count", audience.lastCount());
        view.put("exported", exported);
        view.put("exportKey", audience.lastExportKey());
        view.put("refreshedAt", audience.lastRefreshedAt());
        return view;
    }
}
