package com.quanyu.journeys.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.journeys.JourneysApp;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.definition.DefinitionParser;
import com.quanyu.journeys.definition.InvalidJourneyException;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.journeys.engine.Links;
import com.quanyu.journeys.engine.Measurement;
import com.quanyu.shared.customer.MessagingConsent;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journeys API. Staff routes: {@code POST /v1/journeys} (a new version of a definition),
 * {@code GET /v1/journeys}, {@code GET /v1/journeys/{id}}, {@code PUT /v1/journeys/{id}/active},
 * {@code GET /v1/journeys/{id}/metrics}, {@code PUT /v1/consent/{profile}}. Public routes (in
 * messages): {@code GET /v1/j/c/{token}} click redirect, {@code GET|POST /v1/j/u/{token}} unsubscribe;
 * their tokens are signed, so they reveal and change nothing without one.
 */
public final class JourneyRoutes {
    private final JourneysApp app;

    public JourneyRoutes(JourneysApp app) {
        this.app = app;
    }

    public void register(Router.Builder router) {
        router.route("POST", "/v1/journeys", this::create);
        router.route("GET", "/v1/journeys", this::list);
        router.route("GET", "/v1/journeys/{id}", this::get);
        router.route("PUT", "/v1/journeys/{id}/active", this::activate);
        router.route("GET", "/v1/journeys/{id}/metrics", this::metrics);
        router.route("PUT", "/v1/consent/{profile}", this::consent);
        router.route("GET", "/v1/j/c/{token}", this::click);
        router.route("GET", "/v1/j/u/{token}", this::unsubscribe);
        router.route("POST", "/v1/j/u/{token}", this::unsubscribe);
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        JsonNode body = request.jsonBody();
        String id = body.path("id").asText("");
        JourneyStore store = app.store();
        int version = store.latestDefinitions().stream()
                        .filter(d -> d.journeyId().equals(id))
                        .mapToInt(JourneyStore.StoredDefinition::version)
                        .max()
                        .orElse(0)
                + 1;
        try {
            DefinitionParser.parse(id, version, body);
        } catch (InvalidJourneyException e) {
            throw ApiException.invalidField(
                    e.field(), e.getMessage().substring(e.field().length() + 2));
        }
        if (!store.putDefinition(id, version, body, app.clock().instant())) {
            throw ApiException.conflict(
                    "another version of journey " + id + " was stored at the same time; send it again");
        }
        app.engine().refreshDefinitions();
        return ApiResponses.json(201, Map.of("id", id, "version", version));
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        List<Map<String, Object>> journeys = app.store().latestDefinitions().stream()
                .map(d -> Map.<String, Object>of(
                        "id",
                        d.journeyId(),
                        "version",
                        d.version(),
                        "active",
                        d.active(),
                        "name",
                        d.json().path("name").asText(""),
                        "createdAt",
                        d.createdAt().toString()))
                .toList();
        return ApiResponses.ok(Map.of("journeys", journeys));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        JourneyStore.StoredDefinition latest = latest(id);
        int version = request.intQueryParameter("version", latest.version(), 1, latest.version());
        JourneyStore.StoredDefinition stored = app.store()
                .definition(id, version)
                .orElseThrow(() -> ApiException.notFound("journey " + id + " has no version " + version));
        ObjectNode out = stored.json().deepCopy();
        out.put("version", stored.version());
        out.put("active", stored.active());
        return ApiResponses.ok(out);
    }

    private APIGatewayV2HTTPResponse activate(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        latest(id);
        JsonNode active = request.jsonBody().path("active");
        if (!active.isBoolean()) {
            throw ApiException.invalidField("active", "must be true or false");
        }
        app.store().setActive(id, active.asBoolean());
        app.engine().refreshDefinitions();
        return ApiResponses.ok(Map.of("id", id, "active", active.asBoolean()));
    }

    private APIGatewayV2HTTPResponse metrics(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        latest(id);
        return ApiResponses.ok(Measurement.report(id, app.store().counters(id)));
    }

    private APIGatewayV2HTTPResponse consent(ApiRequest request) {
        String profile = request.requiredPathParameter("profile");
        JsonNode body = request.jsonBody();
        Channel channel = Channel.of(body.path("channel").asText(""))
                .orElseThrow(() -> ApiException.invalidField(
                        "channel", "must be one of email, sms, wechat, line, telegram, messenger"));
        if (!body.path("granted").isBoolean()) {
            throw ApiException.invalidField("granted", "must be true or false");
        }
        String source = body.path("source").asText("api");
        if (source.isBlank() || source.length() > 100) {
            throw ApiException.invalidField("source", "must be 1-100 characters");
        }
        var updated = app.customers()
                .profiles()
                .recordConsent(
                        profile,
                        MessagingConsent.category(channel.wireName()),
                        MessagingConsent.stated(
                                body.get("granted").asBoolean(), app.clock().instant(), source));
        if (updated.isEmpty()) {
            throw ApiException.notFound("no profile matches " + profile);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profileId", updated.get().profileId());
        out.put("channel", channel.wireName());
        out.put("consent", updated.get().consent().get(MessagingConsent.category(channel.wireName())));
        return ApiResponses.ok(out);
    }

    private APIGatewayV2HTTPResponse click(ApiRequest request) {
        Links.Target target = verified(request);
        var definition = app.engine().definition(target.journeyId(), target.version());
        String destination = definition
                .step(target.stepId())
                .filter(s -> s instanceof com.quanyu.journeys.definition.JourneyDefinition.Send)
                .flatMap(s -> ((com.quanyu.journeys.definition.JourneyDefinition.Send) s).link())
                .orElseThrow(() -> ApiException.notFound("this message has no link"));
        if (app.store().claimStep("click~" + target.sendKey(), app.clock().instant())) {
            app.store().count(target.journeyId(), target.version(), "clicked", 1);
        }
        APIGatewayV2HTTPResponse response = ApiResponses.json(302, Map.of("location", destination));
        response.setHeaders(
                Map.of("location", destination, "content-type", "application/json", "cache-control", "no-store"));
        return response;
    }

    private APIGatewayV2HTTPResponse unsubscribe(ApiRequest request) {
        Links.Target target = verified(request);
        app.customers()
                .record(target.profileId(), target.channel(), false, app.clock().instant(), "unsubscribe-link");
        if (app.store().claimStep("unsubscribe~" + target.sendKey(), app.clock().instant())) {
            app.store().count(target.journeyId(), target.version(), "unsubscribed", 1);
        }
        return ApiResponses.text(
                200,
                "text/html; charset=utf-8",
                "<!doctype html><meta charset=utf-8><title>Unsubscribed</title>"
                        + "<p>You will no longer receive these messages on "
                        + target.channel().wireName() + ". 您已退订。</p>");
    }

    private Links.Target verified(ApiRequest request) {
        return app.links()
                .verify(request.requiredPathParameter("token"))
                .orElseThrow(() -> ApiException.notFound("this link is not valid"));
    }

    private JourneyStore.StoredDefinition latest(String id) {
        return app.store().latestDefinitions().stream()
                .filter(d -> d.journeyId().equals(id))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("no journey " + id));
    }
}
