package com.quanyu.campaigns.api;

import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.Coupon;
import com.quanyu.shared.campaigns.LoyaltyChange;
import com.quanyu.shared.campaigns.Money;
import com.quanyu.shared.campaigns.Offer;
import com.quanyu.shared.campaigns.Redemption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response bodies: amounts as decimal strings with their currency, never minor units. */
public final class Views {
    private Views() {}

    public static String amount(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    public static Map<String, Object> campaign(CampaignStore.Stored stored) {
        Campaign c = stored.campaign();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("name", c.name());
        view.put("audienceId", c.audienceId());
        view.put("offer", offer(c.offer()));
        view.put("channels", c.channels());
        view.put("currency", c.currency());
        view.put("budget", amount(c.budget()));
        view.put("budgetRemaining", amount(stored.budgetRemaining()));
        view.put("startsAt", c.startsAt());
        view.put("endsAt", c.endsAt());
        view.put("status", c.status());
        view.put("version", stored.version());
        return view;
    }

    public static Map<String, Object> offer(Offer offer) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", offer.type());
        view.put("percentOff", offer.percentOff());
        view.put("amountOff", amount(offer.amountOff()));
        view.put("minimumSpend", amount(offer.minimumSpend()));
        view.put("giftSku", offer.giftSku());
        view.put("pointsMultiplier", offer.pointsMultiplier());
        return view;
    }

    public static Map<String, Object> coupon(Coupon coupon) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", coupon.code());
        view.put("campaignId", coupon.campaignId());
        view.put("kind", coupon.kind());
        view.put("profileId", coupon.profileId());
        view.put("cap", coupon.cap());
        view.put("remaining", coupon.remaining());
        view.put("validFrom", coupon.validFrom());
        view.put("validUntil", coupon.validUntil());
        return view;
    }

    public static Map<String, Object> redemption(Redemption r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", r.code());
        view.put("orderId", r.orderId());
        view.put("campaignId", r.campaignId());
        view.put("profileId", r.profileId());
        view.put("channel", r.channel());
        view.put("discount", amount(r.discount()));
        view.put("currency", r.discount().currency());
        view.put("giftSku", r.giftSku());
        view.put("state", r.state());
        view.put("at", r.at());
        return view;
    }

    public static Map<String, Object> loyalty(LoyaltyChange change) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("profileId", change.profileId());
        view.put("points", change.points());
        view.put("repeated", change.repeated());
        view.put("balance", change.balance());
        view.put("tier", change.tier());
        view.put("value", amount(change.value()));
        view.put("currency", change.value().currency());
        return view;
    }
}
