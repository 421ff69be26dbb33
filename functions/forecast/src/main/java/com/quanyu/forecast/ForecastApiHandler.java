package com.quanyu.forecast;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.forecast.store.ForecastTable;
import com.quanyu.forecast.store.InventoryImport;
import com.quanyu.forecast.store.LakeStore;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read API for demand forecasts and replenishment suggestions.
 *
 * <ul>
 * <li>{@code GET /v1/forecasts/{sku}?location=S01&days=14}: one location's daily forecast with
 *     80 % / 95 % intervals; without {@code location}, every location of the SKU.</li>
 * <li>{@code GET /v1/replenishment?location=S01&risk=stockout|overstock&limit=100&next=...}: the
 *     location's suggestions (or only those at risk), paginated.</li>
 * <li>{@code PUT /v1/inventory}: an inventory snapshot (positions, stock-out days, policies) for
 *     the next daily run; see {@link InventoryImport}.</li>
 * </ul>
 */
public final class ForecastApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Set<String> RISKS = Set.of("stockout", "overstock");
    private static final int MAX_DAYS = 366;

    private final Router router;
    private final ForecastTable table;
    private final InventoryImport inventory;
    private final ZoneId zone;
    private final Clock clock;

    /** Lambda's entry point: configuration from the environment template.yaml sets. */
    public ForecastApiHandler() {
        this(Env.system());
    }

    public ForecastApiHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    public ForecastApiHandler(Env env, Clock clock) {
        this.clock = clock;
        this.table = new ForecastTable(AwsClients.dynamoDb(env), env.required("FORECASTS_TABLE"));
        this.inventory = new InventoryImport(new LakeStore(AwsClients.s3(env), env.required("DATA_LAKE_BUCKET")));
        this.zone = ZoneId.of(env.get("FORECAST_TIME_ZONE", "Asia/Shanghai"));
        this.router = Router.builder()
                .get("/v1/forecasts/{sku}", this::forecast)
                .get("/v1/replenishment", this::replenishment)
                .put("/v1/inventory", this::putInventory)
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Invocations.start(context);
        return router.handle(event);
    }

    private APIGatewayV2HTTPResponse forecast(ApiRequest request) {
        String sku = id(request.requiredPathParameter("sku"), "sku");
        Optional<String> location = request.queryParameter("location").map(v -> id(v, "location"));
        int days = request.intQueryParameter("days", MAX_DAYS, 1, MAX_DAYS);
        if (location.isPresent()) {
            JsonNode doc = table.forecast(sku, location.get())
                    .orElseThrow(() ->
                            ApiException.notFound("no forecast for sku " + sku + " at location " + location.get()));
            return ApiResponses.ok(truncate(doc, days));
        }
        List<JsonNode> docs = table.forecasts(sku, 1000);
        if (docs.isEmpty()) {
            throw ApiException.notFound("unknown sku " + sku + ": no forecast at any location");
        }
        ObjectNode body = Json.object();
        body.put("sku", sku);
        ArrayNode list = body.putArray("forecasts");
        docs.forEach(d -> list.add(truncate(d, days)));
        return ApiResponses.ok(body);
    }

    private APIGatewayV2HTTPResponse replenishment(ApiRequest request) {
        String location = id(
                request.queryParameter("location")
                        .orElseThrow(() -> ApiException.invalidField("location", "query parameter is required")),
                "location");
        Optional<String> risk = request.queryParameter("risk").map(r -> r.trim().toLowerCase(Locale.ROOT));
        if (risk.isPresent() && !RISKS.contains(risk.get())) {
            throw ApiException.invalidField("risk", "must be stockout or overstock");
        }
        int limit = request.intQueryParameter("limit", 100, 1, 500);
        Optional<Map<String, String>> from = request.queryParameter("next").map(ForecastApiHandler::decodeToken);
        ForecastTable.Page page = table.suggestions(location, risk, limit, from);
        if (page.items().isEmpty() && from.isEmpty() && !table.hasSuggestions(location)) {
            throw ApiException.notFound("no replenishment suggestions for location " + location);
        }
        ObjectNode body = Json.object();
        body.put("location", location);
        risk.ifPresent(r -> body.put("risk", r));
        ArrayNode items = body.putArray("items");
        page.items().forEach(items::add);
        page.next().ifPresent(next -> body.put("next", encodeToken(next)));
        return ApiResponses.ok(body);
    }

    private APIGatewayV2HTTPResponse putInventory(ApiRequest request) {
        JsonNode body = request.jsonBody();
        try {
            InventoryImport.Stored stored = inventory.store(body, LocalDate.now(clock.withZone(zone)));
            ObjectNode out = Json.object();
            out.put("asOf", stored.asOf().toString());
            out.put("source", stored.source());
            out.put("items", stored.items());
            out.put("usedFrom", "the next daily run");
            return ApiResponses.ok(out);
        } catch (InventoryImport.InvalidInventory e) {
            throw ApiException.invalidField(e.field(), e.getMessage());
        }
    }

    private static String id(String value, String field) {
        String v = value.trim();
        if (!SeriesKey.validId(v)) {
            throw ApiException.invalidField(
                    field, "must be 1-100 letters, digits or . _ : / - and start with a letter or digit");
        }
        return v;
    }

    private static JsonNode truncate(JsonNode doc, int days) {
        ObjectNode copy = doc.deepCopy();
        JsonNode all = copy.path("days");
        if (all.isArray() && all.size() > days) {
            ArrayNode kept = Json.mapper().createArrayNode();
            for (int i = 0; i < days; i++) {
                kept.add(all.get(i));
            }
            copy.set("days", kept);
        }
        return copy;
    }

    private static String encodeToken(Map<String, String> key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> decodeToken(String token) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8));
            Map<String, String> key = new LinkedHashMap<>();
            for (String field : List.of("pk", "sk", "gsi1pk", "gsi1sk")) {
                if (node.hasNonNull(field)) {
                    key.put(field, node.get(field).asText());
                }
            }
            if (!node.isObject() || !key.containsKey("pk") || !key.containsKey("sk") || key.size() != node.size()) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.invalidField("next", "is not a token this API issued");
        }
    }
}
