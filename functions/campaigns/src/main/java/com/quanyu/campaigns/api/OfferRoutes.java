package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.campaigns.offer.OfferDecision;
import com.quanyu.campaigns.offer.Uplift;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.util.LinkedHashMap;
import java.util.Map;

/** Next best offer, the events it learns from, and its measured uplift. */
public final class OfferRoutes {
    private final CampaignsContext context;

    public OfferRoutes(CampaignsContext context) {
        this.context = context;
    }

    public void register(Router.Builder router) {
        router.get("/v1/profiles/{id}/offer", Failures.mapped(this::decide));
        router.post("/v1/offers/events", Failures.mapped(this::event));
        router.get("/v1/offers/uplift", Failures.mapped(this::uplift));
    }

    private APIGatewayV2HTTPResponse decide(ApiRequest request) {
        String profileId = context.canonicalProfileId(request.requiredPathParameter("id"));
        String channel = request.queryParameter("channel")
                .filter(c -> !c.isBlank())
                .orElseThrow(
                        () -> ApiException.invalidField("channel", "query parameter is required, e.g. ?channel=web"));
        ProfileView profile =
                context.profiles().find(profileId).orElseThrow(() -> ApiException.notFound("no profile " + profileId));
        OfferDecision decision = context.offers().decide(profile, channel);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("decisionId", decision.decisionId());
        view.put("profileId", decision.profileId());
        view.put("channel", decision.channel());
        view.put("holdout", decision.holdout());
        view.put("context", decision.context());
        view.put("reason", decision.reason());
        if (decision.campaign() != null) {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("campaignId", decision.campaign().id());
            offer.put("name", decision.campaign().name());
            offer.put("offer", Views.offer(decision.campaign().offer()));
            offer.put("endsAt", decision.campaign().endsAt());
            offer.put("sampledRate", decision.sampledRate());
            view.put("offer", offer);
        } else {
            view.put("offer", null);
        }
        return ApiResponses.ok(view);
    }

    /** {@code {"event": "Offer Shown"|"Offer Redeemed", "profileId", "campaignId"}}. */
    private APIGatewayV2HTTPResponse event(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        String event = body.text("event");
        String profileId = body.text("profileId");
        String campaignId = body.text("campaignId");
        boolean counted = switch (event) {
            case "Offer Shown" -> context.offers().recordShown(profileId, campaignId);
            case "Offer Redeemed" -> context.offers().recordRedeemed(profileId, campaignId);
            default -> throw ApiException.invalidField("event", "must be Offer Shown or Offer Redeemed");
        };
        return ApiResponses.ok(Map.of("event", event, "counted", counted));
    }

    private APIGatewayV2HTTPResponse uplift(ApiRequest request) {
        return ApiResponses.ok(Uplift.of(context.offerMemory().groups()));
    }
}
