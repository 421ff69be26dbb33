package com.quanyu.shared.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage port of {@link CouponLedger}: the few single-item conditional reads and writes its
 * issuing and exactly-once redemption protocol needs, named for what they do. Each write either
 * takes effect whole or not at all, and says whether its condition held; the ledger orders them so
 * that a crash between any two is finished or undone by a retry.
 *
 * <p>Implementations: {@code store.DynamoCouponStore} (the campaigns table) and an in-memory fake in
 * the shared test-jar that can crash at any chosen write.
 */
public interface CouponStore {

    /** A counter redemptions draw on: a coupon's remaining uses or a campaign's remaining budget. */
    record Counter(Kind kind, String id) {
        /** What is counted. */
        public enum Kind {
            COUPON_USES,
            CAMPAIGN_BUDGET
        }

        public static Counter usesOf(String code) {
            return new Counter(Kind.COUPON_USES, code);
        }

        public static Counter budgetOf(String campaignId) {
            return new Counter(Kind.CAMPAIGN_BUDGET, campaignId);
        }
    }

    /** What a draw found. */
    enum Draw {
        /** Taken now, and the marker left beside the counter. */
        CLAIMED,
        /** The marker was already there: an earlier attempt took it. */
        ALREADY_CLAIMED,
        /** Not enough left (or no such counter). */
        INSUFFICIENT
    }

    // ------------------------------------------------------------------ coupons

    /**
     * Remembers that a campaign issued {@code candidate} to a profile, unless it issued a code to
     * that profile before.
     *
     * @return the code issued to the profile: {@code candidate} the first time, the earlier one after
     */
    String rememberIssuedCode(String campaignId, String profileId, String candidate);

    /** Stores a coupon unless one with its code exists (then nothing changes). */
    void addCouponIfAbsent(Coupon coupon);

    /** The coupon with this (normalised) code, read consistently. */
    Optional<Coupon> coupon(String code);

    /** The unique codes issued to a profile, newest first (eventually consistent). */
    List<Coupon> couponsOf(String profileId);

    // ------------------------------------------------------------------ redemption records

    /** The record of a code's use for an order, read consistently. */
    Optional<RedemptionRecord> redemption(String code, String orderId);

    /** Stores a new record; false when one exists for the same code and order (the idempotency key). */
    boolean addRedemptionIfAbsent(RedemptionRecord pending);

    /** The records of an order's redemptions (eventually consistent). */
    List<RedemptionRecord> redemptionsOfOrder(String orderId);

    /** The records of a campaign's redemptions, by code then order (eventually consistent). */
    List<RedemptionRecord> redemptionsOfCampaign(String campaignId);

    /**
     * Gives {@code owner} the lease on a record in state {@code from} whose lease is absent or lapsed
     * at {@code now}; with {@code releasedFrom}, also moves it to {@code RELEASING}.
     *
     * @return false when the record is in another state or another attempt holds a live lease
     */
    boolean takeLease(
            RedemptionRecord record,
            Redemption.State from,
            Redemption.State releasedFrom,
            String owner,
            Instant now,
            long leaseUntil);

    /**
     * Moves a record from {@code from} to {@code to} at {@code at} and drops its lease, if the lease is
     * still {@code leased.owner()}'s.
     *
     * @return false when the lease was lost
     */
    boolean settle(RedemptionRecord leased, Redemption.State from, Redemption.State to, Instant at);

    /** Deletes a {@code PENDING} record whose draws were refused, if its lease is still the caller's. */
    boolean removeAbandoned(RedemptionRecord pending);

    // ------------------------------------------------------------------ counters

    /** Takes {@code amount} from a counter and leaves {@code marker}, unless the marker is there already. */
    Draw draw(Counter counter, long amount, String marker);

    /** Reverses an unsettled draw (adds back, removes its marker); false when there was none. */
    boolean undoDraw(Counter counter, long amount, String marker);

    /** Gives back a settled draw once, guarded by {@code releaseMarker} (forgotten when the release settles). */
    void giveBack(Counter counter, long amount, String releaseMarker);

    /** Drops markers of settled redemptions. */
    void forgetMarkers(Counter counter, String... markers);

    /** The markers beside a counter now (consistent read). */
    Set<String> markers(Counter counter);
}
