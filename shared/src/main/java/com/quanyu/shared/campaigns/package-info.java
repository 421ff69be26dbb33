/**
 * Coupons, loyalty and campaigns valid in every channel: the ledgers with exactly-once redemption,
 * their records and their storage ports ({@link com.quanyu.shared.campaigns.CouponStore},
 * {@link com.quanyu.shared.campaigns.CampaignStore}, {@link com.quanyu.shared.campaigns.LoyaltyStore}).
 * Used by campaigns, chatbot and journeys. Imports no AWS type and nothing of {@code shared.http}.
 */
package com.quanyu.shared.campaigns;
