package com.quanyu.shared.campaigns.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Primary keys of the campaigns table's item types, in one place so the layout is readable. */
public final class Keys {
    private Keys() {}

    public static Map<String, AttributeValue> of(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> campaign(String campaignId) {
        return of("campaign#" + campaignId, "campaign");
    }

    /** Marks that a campaign issued its unique code to a profile (one per profile and campaign). */
    public static Map<String, AttributeValue> issued(String campaignId, String profileId) {
        return of("campaign#" + campaignId, "issued#" + profileId);
    }

    public static Map<String, AttributeValue> coupon(String code) {
        return of("coupon#" + code, "coupon");
    }

    public static Map<String, AttributeValue> redemption(String code, String orderId) {
        return of("coupon#" + code, "redemption#" + orderId);
    }

    public static Map<String, AttributeValue> loyaltyAccount(String profileId) {
        return of("loyalty#" + profileId, "account");
    }
}
