package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.Coupon;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.util.Map;

/** Campaign definitions and coupon issuing. */
public final class CampaignRoutes {
    private final CampaignsContext context;

    public CampaignRoutes(CampaignsContext context) {
        this.context = context;
    }

    public void register(Router.Builder router) {
        router.post("/v1/campaigns", Failures.mapped(this::create));
        router.get("/v1/campaigns", Failures.mapped(this::list));
        router.get("/v1/campaigns/{id}", Failures.mapped(this::get));
        router.put("/v1/campaigns/{id}", Failures.mapped(this::update));
        router.post("/v1/campaigns/{id}/coupons", Failures.mapped(this::issue));
        router.get("/v1/campaigns/{id}/redemptions", Failures.mapped(this::redemptions));
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        Campaign campaign = CampaignRequests.parse(Body.of(request.jsonBody()), null);
        if (campaign.audienceId() != null
                && context.audiences().find(campaign.audienceId()).isEmpty()) {
            throw ApiException.invalidField("audienceId", "no audience " + campaign.audienceId());
        }
        if (!context.coupons().campaigns().create(campaign)) {
            throw ApiException.conflict("campaign " + campaign.id() + " already exists; PUT /v1/campaigns/"
                    + campaign.id() + " changes it");
        }
        return ApiResponses.json(201, Views.campaign(stored(campaign.id())));
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        return ApiResponses.ok(Map.of(
                "campaigns",
                context.coupons().campaigns().all().stream()
                        .map(Views::campaign)
                        .toList()));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.ok(Views.campaign(stored(request.requiredPathParameter("id"))));
    }

    private APIGatewayV2HTTPResponse update(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        CampaignStore.Stored current = stored(id);
        Body body = Body.of(request.jsonBody());
        if (body.has("version") && body.wholeNumber("version", 1, Long.MAX_VALUE) != current.version()) {
            throw ApiException.conflict(
                    "campaign " + id + " is at version " + current.version() + "; reload and retry");
        }
        Campaign changed = CampaignRequests.parse(body, id);
        if (!context.coupons().campaigns().update(current, changed)) {
            throw ApiException.conflict(
                    "campaign " + id + " changed concurrently, or the budget cut exceeds what is left");
        }
        return ApiResponses.ok(Views.campaign(stored(id)));
    }

    /** Redemptions of the campaign's codes per channel and per code (the ledger's campaign index). */
    private APIGatewayV2HTTPResponse redemptions(ApiRequest request) {
        Campaign campaign = stored(request.requiredPathParameter("id")).campaign();
        return ApiResponses.ok(RedemptionFigures.of(
                campaign.id(), campaign.currency(), context.coupons().redemptionsOfCampaign(campaign.id())));
    }

    /** {@code {"profileId": "..."}} issues the campaign's unique code; {@code {"code": "...", "cap": n}} creates a shared one. */
    private APIGatewayV2HTTPResponse issue(ApiRequest request) {
        String id = request.requiredPathParameter("id");
        Campaign campaign = stored(id).campaign();
        Body body = Body.of(request.jsonBody());
        Coupon coupon;
        if (body.has("profileId")) {
            String profileId = context.canonicalProfileId(body.text("profileId"));
            if (campaign.audienceId() != null) {
                requireInAudience(campaign, profileId);
            }
            coupon = context.coupons().issueUnique(id, profileId);
        } else if (body.has("code")) {
            try {
                coupon = context.coupons().createShared(id, body.text("code"), body.wholeNumber("cap", 1, 100_000_000));
            } catch (IllegalStateException e) {
                throw ApiException.conflict(e.getMessage());
            }
        } else {
            throw ApiException.badRequest(
                    "give profileId (a unique code for that customer) or code and cap (a shared code)");
        }
        return ApiResponses.json(201, Views.coupon(coupon));
    }

    private void requireInAudience(Campaign campaign, String profileId) {
        ProfileView profile =
                context.profiles().find(profileId).orElseThrow(() -> ApiException.notFound("no profile " + profileId));
        boolean member = context.audiences()
                .find(campaign.audienceId())
                .map(a -> a.parsedRule().matches(profile, context.clock().instant()))
                .orElse(false);
        if (!member) {
            throw new ApiException(
                    403,
                    "coupon_not_eligible",
                    "profile " + profileId + " is not in audience " + campaign.audienceId() + " of campaign "
                            + campaign.id());
        }
    }

    private CampaignStore.Stored stored(String id) {
        return context.coupons().campaigns().find(id).orElseThrow(() -> ApiException.notFound("no campaign " + id));
    }
}
