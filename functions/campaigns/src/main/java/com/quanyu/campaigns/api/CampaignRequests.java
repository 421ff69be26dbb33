package com.quanyu.campaigns.api;

import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.Offer;
import com.quanyu.shared.campaigns.OfferType;
import com.quanyu.shared.http.ApiException;
import java.util.LinkedHashSet;
import java.util.Locale;

/** Parses a campaign definition from a request body. */
public final class CampaignRequests {
    private CampaignRequests() {}

    /**
     * {@code {"id", "name", "audienceId"?, "offer": {"type", "percentOff"|"amountOff"|"giftSku"|"pointsMultiplier",
     * "minimumSpend"?}, "channels": [...], "currency", "budget"?, "startsAt", "endsAt", "status"?}}.
     */
    public static Campaign parse(Body body, String pathId) {
        String id = pathId != null ? pathId : body.text("id");
        if (pathId != null && body.has("id") && !pathId.equals(body.text("id"))) {
            throw ApiException.invalidField("id", "does not match the path");
        }
        String currency = body.currency("currency");
        Body o = body.object("offer");
        OfferType type;
        try {
            type = OfferType.valueOf(o.text("type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    "offer.type", "must be one of percent_off, amount_off, free_shipping, gift, bonus_points");
        }
        Integer percent = o.has("percentOff") ? (int) o.wholeNumber("percentOff", 1, 100) : null;
        Offer offer = new Offer(
                type,
                percent,
                o.optionalMoney("amountOff", currency).orElse(null),
                o.optionalMoney("minimumSpend", currency).orElse(null),
                o.optionalText("giftSku").orElse(null),
                o.optionalNumber("pointsMultiplier").orElse(null));
        Campaign.Status status = body.optionalText("status")
                .map(s -> {
                    try {
                        return Campaign.Status.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalidField("status", "must be active or paused");
                    }
                })
                .orElse(Campaign.Status.ACTIVE);
        return new Campaign(
                id,
                body.text("name"),
                body.optionalText("audienceId").orElse(null),
                offer,
                new LinkedHashSet<>(body.texts("channels")),
                currency,
                body.optionalMoney("budget", currency).orElse(null),
                body.instant("startsAt"),
                body.instant("endsAt"),
                status);
    }
}
