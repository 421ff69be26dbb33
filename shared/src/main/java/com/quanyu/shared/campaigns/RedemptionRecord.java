package com.quanyu.shared.campaigns;

import java.time.Instant;

/**
 * The stored form of a redemption: what {@link CouponLedger} needs to resume or reverse it after a
 * crash, and what a {@link CouponStore} keeps per {@code (code, order id)}.
 *
 * @param budgetCharged whether the redemption draws on the campaign budget (budgeted campaign, non-zero discount)
 * @param releasedFrom  the state a release started from (decides between undo and give-back)
 * @param owner         the attempt that holds the lease to advance a PENDING or RELEASING record
 * @param leaseUntil    epoch millisecond when that lease lapses (longer than a function can run, so only a dead attempt loses it)
 */
public record RedemptionRecord(
        String code,
        String orderId,
        String campaignId,
        String profileId,
        String channel,
        long orderTotalMinor,
        long discountMinor,
        String currency,
        String giftSku,
        boolean budgetCharged,
        Redemption.State state,
        Redemption.State releasedFrom,
        Instant createdAt,
        Instant at,
        String owner,
        Long leaseUntil) {

    public Redemption toRedemption() {
        return new Redemption(
                code, orderId, campaignId, profileId, channel, new Money(discountMinor, currency), giftSku, state, at);
    }

    /** Marker of this redemption's draws on counters. */
    public String claimMarker() {
        return "redeem:" + code + ":" + orderId;
    }

    /** Marker of this redemption's give-backs. */
    public String releaseMarker() {
        return "release:" + code + ":" + orderId;
    }

    /** This record moved to {@code state} by the holder {@code owner} of a lease until {@code leaseUntil}. */
    public RedemptionRecord leased(
            Redemption.State state, Redemption.State releasedFrom, String owner, long leaseUntil) {
        return with(state, releasedFrom, at, owner, leaseUntil);
    }

    /** This record settled in {@code state} at {@code when}, without a lease. */
    public RedemptionRecord settled(Redemption.State state, Redemption.State releasedFrom, Instant when) {
        return with(state, releasedFrom, when, null, null);
    }

    private RedemptionRecord with(
            Redemption.State nextState,
            Redemption.State nextReleasedFrom,
            Instant nextAt,
            String nextOwner,
            Long until) {
        return new RedemptionRecord(
                code,
                orderId,
                campaignId,
                profileId,
                channel,
                orderTotalMinor,
                discountMinor,
                currency,
                giftSku,
                budgetCharged,
                nextState,
                nextReleasedFrom,
                createdAt,
                nextAt,
                nextOwner,
                until);
    }
}
