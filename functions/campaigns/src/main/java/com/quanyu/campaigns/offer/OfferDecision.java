package com.quanyu.campaigns.offer;

import com.quanyu.shared.campaigns.Campaign;

/**
 * The next best offer for a profile in a channel.
 *
 * @param decisionId   id of this decision (echo it in Offer Shown / Offer Redeemed events)
 * @param profileId    the profile
 * @param channel      where it will be shown
 * @param campaign     the chosen campaign, or null for no offer
 * @param holdout      true when the profile is in the holdout group (never shown offers)
 * @param context      the bandit's context key
 * @param sampledRate  the chosen arm's sampled conversion rate (0 without an offer)
 * @param reason       why: {@code bandit}, {@code bandit-bounded}, {@code holdout}, {@code no-eligible-campaign}
 */
public record OfferDecision(
        String decisionId,
        String profileId,
        String channel,
        Campaign campaign,
        boolean holdout,
        String context,
        double sampledRate,
        String reason) {}
