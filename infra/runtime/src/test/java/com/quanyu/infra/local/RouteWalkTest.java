package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.http.RoutePolicies;
import com.quanyu.shared.http.RoutePolicy;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.SamFunction;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks every route of template.yaml through the local gateway as an anonymous caller: each must
 * answer 401 or 403 unless the authorisation table marks it public, and a public route must not
 * answer with anything personal, even when asked about a known customer by e-mail or phone.
 */
class RouteWalkTest {
    /** Field names that would mean personal data reached an anonymous caller. */
    private static final Set<String> PERSONAL = Set.of(
            "profileid",
            "userid",
            "anonymousid",
            "email",
            "phone",
            "name",
            "firstname",
            "lastname",
            "address",
            "traits",
            "identifiers",
            "scores",
            "propensity",
            "segment",
            "risk",
            "orders",
            "recentorders",
            "birthday",
            "points",
            "transcript");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;
    private static final String EMAIL = "walk.customer@example.com";
    private static final String PHONE = "13912345678";

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, false), List.of());
        // A known customer, so enumeration by e-mail or phone has something to find.
        String writeKey = new SourceRegistry(
                        runtime.platform().standIns().dynamo(),
                        runtime.platform().standIns().envFor("IngestFunction").required("SOURCES_TABLE"))
                .register("shop", "web")
                .writeKey();
        HttpResponse<String> identify = send(
                "POST",
                "/v1/identify",
                Json.write(Map.of(
                        "type",
                        "identify",
                        "userId",
                        "walk-1",
                        "messageId",
                        "walk-m1",
                        "traits",
                        Map.of("email", EMAIL, "phone", PHONE, "name", "Walk Customer"))),
                Map.of(
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, identify.statusCode(), identify.body());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void anonymousCallersGetNothingPersonalFromAnyRoute() throws Exception {
        RoutePolicies table = RoutePolicies.bundled();
        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (SamFunction function : runtime.platform().standIns().functions()) {
            for (SamFunction.HttpRoute route : function.routes()) {
                RoutePolicy policy = table.forRoute(route.routeKey())
                        .orElseThrow(() -> new AssertionError("no row for " + route.routeKey()));
                boolean refused = false;
                for (String identifier : List.of("email:" + EMAIL, "phone:" + PHONE, "walk-1")) {
                    walked++;
                    String path = fill(route.path(), identifier);
                    HttpResponse<String> response = send(route.method(), path, body(route.method()), Map.of());
                    int status = response.statusCode();
                    if (!policy.anonymousAllowed()) {
                        // API Gateway throttles before it authorises: a tight route's burst may answer 429
                        // once the walk has seen it refuse (401/403) an anonymous call.
                        refused |= status == 401 || status == 403;
                        if (status != 401 && status != 403 && !(status == 429 && refused)) {
                            failures.add(route.routeKey() + " (" + path + ") answered " + status
                                    + " without credentials: " + response.body());
                        }
                    } else {
                        personalFields(response.body())
                                .ifPresent(field -> failures.add(route.routeKey() + " is public but answered " + field
                                        + ": " + response.body()));
                    }
                    if (response.body().contains(EMAIL)
                            || response.body().contains(PHONE)
                            || response.body().contains("Walk Customer")) {
                        failures.add(route.routeKey() + " echoed the customer's data to an anonymous caller: "
                                + response.body());
                    }
                    if (!route.path().contains("{")) {
                        break;
                    }
                }
            }
        }
        assertTrue(walked >= table.all().size(), "every route walked: " + walked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theTableMarksFewRoutesPublicAndNoneOfThemAboutAPerson() {
        List<RoutePolicy> open = RoutePolicies.bundled().all().stream()
                .filter(RoutePolicy::anonymousAllowed)
                .toList();
        assertFalse(open.isEmpty(), "the walk checks at least one public route");
        open.forEach(p -> assertFalse(p.routeKey().contains("/profiles/"), p.routeKey() + " is about a person"));
    }

    /** The first personal field name anywhere in a JSON answer. */
    static Optional<String> personalFields(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (Exception notJson) {
            return Optional.empty();
        }
        List<JsonNode> stack = new ArrayList<>(List.of(json));
        while (!stack.isEmpty()) {
            JsonNode node = stack.remove(stack.size() - 1);
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (PERSONAL.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                    return Optional.of(field.getKey());
                }
                stack.add(field.getValue());
            }
            node.elements().forEachRemaining(stack::add);
        }
        return Optional.empty();
    }

    private static String fill(String template, String identifier) {
        Matcher m = Pattern.compile("\\{([^}+]+)\\+?}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id" -> identifier;
                case "sku" -> "TEA-OOLONG-250";
                case "code" -> "WELCOME10";
                case "orderId" -> "order-1";
                default -> "x";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String body(String method) {
        return "POST".equals(method) || "PUT".equals(method) ? "{}" : null;
    }

    private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).header("content-type", "application/json");
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
