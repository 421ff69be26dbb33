package com.quanyu.shared.campaigns;

/** What a campaign gives the customer. */
public enum OfferType {
    /** A percentage off the order total (before shipping). */
    PERCENT_OFF,
    /** A fixed amount off the order total, never more than the total. */
    AMOUNT_OFF,
    /** The order's shipping fee is waived. */
    FREE_SHIPPING,
    /** A gift item (SKU) is added to the order; no price change. */
    GIFT,
    /** Loyalty points on orders are multiplied while the campaign runs. */
    BONUS_POINTS
}
