package com.quanyu.shared.campaigns;

import com.quanyu.shared.campaigns.CouponRejection.Reason;
import com.quanyu.shared.campaigns.CouponStore.Counter;
import com.quanyu.shared.campaigns.CouponStore.Draw;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one coupon store: issues codes, looks them up, and redeems or releases them exactly once
 * per {@code (code, order id)} from any channel, using only single-item conditional writes.
 *
 * <p>Redeeming is a sequence of idempotent steps, each safe to repeat after a crash:
 * <ol>
 *   <li>put the redemption record as {@code PENDING} (only if absent): the idempotency key;</li>
 *   <li>draw one use from the coupon ({@code remaining >= 1}), leaving the claim marker;</li>
 *   <li>draw the discount from the campaign budget, likewise (budgeted campaigns only);</li>
 *   <li>flip the record to {@code CONFIRMED} (only if still {@code PENDING});</li>
 *   <li>forget the markers and emit {@code Coupon Redeemed}.</li>
 * </ol>
 * A retry finds the record and resumes where the first attempt stopped: the markers say which
 * draws happened. Only the holder of the record's lease ({@code owner}, {@code leaseUntil}, longer
 * than a function can run) may draw, give back or settle, so concurrent requests for the same
 * order wait for the first instead of racing it, and a crashed attempt is taken over once its
 * lease lapses. A refused draw reverses the earlier ones and removes the record, so the order
 * may try again. Releasing (refund or abandoned checkout) runs the mirror sequence through
 * {@code RELEASING} to {@code RELEASED}. Counters never go below zero, so a shared code never
 * exceeds its cap and a campaign never exceeds its budget.
 *
 * <p>Every read and write goes through the {@link CouponStore} port (DynamoDB in the functions, an
 * in-memory fake that crashes at a chosen write in the crash-point tests).
 */
public final class CouponLedger {
    private static final JsonLogger LOG = JsonLogger.of(CouponLedger.class);
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer than any function runs (29 s API timeout), so a lease only lapses when its holder died. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final int WAIT_ATTEMPTS = 100;
    private static final long WAIT_MILLIS = 30;

    private final CampaignStore campaigns;
    private final CouponStore store;
    private final CampaignEventSink events;
    private final Clock clock;

    public CouponLedger(CampaignStore campaigns, CouponStore store, CampaignEventSink events, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    // ------------------------------------------------------------------ issuing and lookup

    /**
     * Issues the campaign's unique code to a customer; asking again returns the same code. The
     * caller decides eligibility (audience membership).
     */
    public Coupon issueUnique(String campaignId, String profileId) {
        Campaign campaign = runningRedeemableCampaign(campaignId);
        if (profileId == null || profileId.isBlank()) {
            throw new IllegalArgumentException("profileId is required to issue a unique code");
        }
        String code = store.rememberIssuedCode(campaignId, profileId, newCode());
        Instant now = clock.instant();
        // The marker is written first so a crash here leaves a code that the retry stores.
        Coupon coupon = new Coupon(
                code, campaignId, CouponKind.UNIQUE, profileId, 1, 1, campaign.startsAt(), campaign.endsAt(), now);
        store.addCouponIfAbsent(coupon);
        return find(code).orElseThrow();
    }

    /** Creates a shared code with a usage cap; creating the same code again with the same terms is a no-op. */
    public Coupon createShared(String campaignId, String rawCode, long cap) {
        Campaign campaign = runningRedeemableCampaign(campaignId);
        String code = RedemptionRequest.normaliseCode(rawCode);
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1");
        }
        Coupon coupon = new Coupon(
                code,
                campaignId,
                CouponKind.SHARED,
                null,
                cap,
                cap,
                campaign.startsAt(),
                campaign.endsAt(),
                clock.instant());
        store.addCouponIfAbsent(coupon);
        Coupon stored = find(code).orElseThrow();
        if (!stored.campaignId().equals(campaignId) || stored.cap() != cap || stored.kind() != CouponKind.SHARED) {
            throw new IllegalStateException("code " + code + " already exists with other terms");
        }
        return stored;
    }

    public Optional<Coupon> find(String rawCode) {
        return store.coupon(RedemptionRequest.normaliseCode(rawCode));
    }

    /** The unique codes issued to a customer, newest first (eventually consistent). */
    public List<Coupon> couponsOf(String profileId) {
        return store.couponsOf(profileId);
    }

    public Optional<Redemption> redemption(String rawCode, String orderId) {
        return record(RedemptionRequest.normaliseCode(rawCode), orderId).map(RedemptionRecord::toRedemption);
    }

    /** Every redemption recorded for an order (a refund releases them all). */
    public List<Redemption> redemptionsOfOrder(String orderId) {
        return store.redemptionsOfOrder(orderId).stream()
                .map(RedemptionRecord::toRedemption)
                .toList();
    }

    /**
     * Every redemption of a campaign's codes, in any state, by code then order (eventually
     * consistent).
     */
    public List<Redemption> redemptionsOfCampaign(String campaignId) {
        return store.redemptionsOfCampaign(campaignId).stream()
                .map(RedemptionRecord::toRedemption)
                .toList();
    }

    // ------------------------------------------------------------------ redeeming

    /**
     * Applies a coupon to an order, exactly once per {@code (code, orderId)}: a repeated request
     * returns the first outcome.
     *
     * @throws CouponRejection when the coupon cannot be used, with the reason
     */
    public Redemption redeem(RedemptionRequest request) {
        Coupon coupon = find(request.code())
                .orElseThrow(() -> new CouponRejection(Reason.UNKNOWN_CODE, "no coupon with code " + request.code()));
        Optional<RedemptionRecord> existing = record(coupon.code(), request.orderId());
        if (existing.isPresent()) {
            return resume(existing.get(), request);
        }
        CampaignStore.Stored stored = campaigns
                .find(coupon.campaignId())
                .orElseThrow(() -> new CouponRejection(
                        Reason.CAMPAIGN_NOT_RUNNING, "the campaign of " + coupon.code() + " no longer exists"));
        Campaign campaign = stored.campaign();
        Instant now = clock.instant();
        Money discount = validate(coupon, campaign, request, now);
        RedemptionRecord pending = new RedemptionRecord(
                coupon.code(),
                request.orderId(),
                campaign.id(),
                request.profileId() != null ? request.profileId() : coupon.profileId(),
                request.channel(),
                request.orderTotal().minor(),
                discount.minor(),
                discount.currency(),
                campaign.offer().giftSku(),
                stored.budgetRemaining() != null && discount.minor() > 0,
                Redemption.State.PENDING,
                null,
                now,
                null,
                UUID.randomUUID().toString(),
                now.plus(LEASE).toEpochMilli());
        if (!store.addRedemptionIfAbsent(pending)) { // a concurrent request for the same order
            return resume(record(pending.code(), pending.orderId()).orElseThrow(), request);
        }
        return complete(pending);
    }

    private Money validate(Coupon coupon, Campaign campaign, RedemptionRequest request, Instant now) {
        if (coupon.notYetValidAt(now)) {
            throw new CouponRejection(
                    Reason.NOT_YET_VALID, "coupon " + coupon.code() + " is valid from " + coupon.validFrom());
        }
        if (coupon.expiredAt(now)) {
            throw new CouponRejection(Reason.EXPIRED, "coupon " + coupon.code() + " expired at " + coupon.validUntil());
        }
        if (!campaign.runningAt(now)) {
            throw new CouponRejection(Reason.CAMPAIGN_NOT_RUNNING, "campaign " + campaign.id() + " is not running");
        }
        if (!campaign.offer().redeemable()) {
            throw new CouponRejection(
                    Reason.NOT_REDEEMABLE,
                    "campaign " + campaign.id() + " gives bonus points, not a checkout discount");
        }
        if (!campaign.allowsChannel(request.channel())) {
            throw new CouponRejection(
                    Reason.WRONG_CHANNEL,
                    "coupon " + coupon.code() + " is not valid in channel " + request.channel() + "; valid in "
                            + campaign.channels());
        }
        if (!request.orderTotal().currency().equals(campaign.currency())) {
            throw new CouponRejection(
                    Reason.CURRENCY_MISMATCH,
                    "coupon " + coupon.code() + " applies to orders in " + campaign.currency() + ", not "
                            + request.orderTotal().currency());
        }
        Money minimum = campaign.offer().minimumSpend();
        if (minimum != null && request.orderTotal().lessThan(minimum)) {
            throw new CouponRejection(
                    Reason.BELOW_MINIMUM_SPEND, "coupon " + coupon.code() + " needs an order of at least " + minimum);
        }
        if (coupon.profileId() != null
                && request.profileId() != null
                && !coupon.profileId().equals(request.profileId())) {
            throw new CouponRejection(Reason.NOT_OWNER, "coupon " + coupon.code() + " was issued to another customer");
        }
        return campaign.offer().discountOn(request.orderTotal(), request.shipping());
    }

    /** Continues from a record another attempt wrote: replays, completes or reports it. */
    private Redemption resume(RedemptionRecord found, RedemptionRequest request) {
        if (found.orderTotalMinor() != request.orderTotal().minor()
                || !found.currency().equals(request.orderTotal().currency())) {
            throw new CouponRejection(
                    Reason.ORDER_MISMATCH,
                    "order " + found.orderId() + " already used coupon " + found.code() + " with a different total");
        }
        String me = UUID.randomUUID().toString();
        RedemptionRecord record = found;
        for (int attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
            switch (record.state()) {
                case CONFIRMED -> {
                    emit(
                            record,
                            "Coupon Redeemed"); // at least once: the first attempt may have failed after confirming
                    return record.toRedemption();
                }
                case RELEASED -> throw released(record);
                case PENDING, RELEASING -> {
                    Optional<RedemptionRecord> leased = acquire(record, me, record.state(), null);
                    if (leased.isPresent()) {
                        if (record.state() == Redemption.State.PENDING) {
                            return complete(leased.get());
                        }
                        finishRelease(leased.get());
                        throw released(record);
                    }
                }
            }
            pause();
            Optional<RedemptionRecord> current = record(found.code(), found.orderId());
            if (current.isEmpty()) {
                throw new CouponRejection(
                        Reason.CAP_REACHED,
                        "coupon " + found.code() + " could not be applied to order " + found.orderId()
                                + " (a concurrent attempt was refused); retry");
            }
            record = current.get();
        }
        throw inProgress(found);
    }

    /** Draws the use and the budget and confirms; the caller holds the record's lease. */
    private Redemption complete(RedemptionRecord pending) {
        Counter uses = Counter.usesOf(pending.code());
        if (claimRecovering(uses, 1, pending) == Draw.INSUFFICIENT) {
            Coupon coupon = find(pending.code()).orElseThrow();
            abandon(pending);
            throw coupon.kind() == CouponKind.UNIQUE
                    ? new CouponRejection(
                            Reason.ALREADY_REDEEMED, "coupon " + pending.code() + " has already been used")
                    : new CouponRejection(
                            Reason.CAP_REACHED,
                            "coupon " + pending.code() + " reached its cap of " + coupon.cap() + " uses");
        }
        if (pending.budgetCharged()
                && claimRecovering(Counter.budgetOf(pending.campaignId()), pending.discountMinor(), pending)
                        == Draw.INSUFFICIENT) {
            store.undoDraw(uses, 1, pending.claimMarker());
            abandon(pending);
            throw new CouponRejection(
                    Reason.BUDGET_EXHAUSTED, "campaign " + pending.campaignId() + " has spent its budget");
        }
        Instant now = clock.instant();
        if (!store.settle(pending, Redemption.State.PENDING, Redemption.State.CONFIRMED, now)) {
            // Only a lease held longer than a function may run is lost; whoever took it over finishes the job.
            throw inProgress(pending);
        }
        RedemptionRecord confirmed = pending.settled(Redemption.State.CONFIRMED, null, now);
        tidy(confirmed);
        emit(confirmed, "Coupon Redeemed");
        Metrics.of("coupons").count("CouponsRedeemed", 1).emit();
        LOG.info(
                "coupon redeemed",
                "code",
                confirmed.code(),
                "orderId",
                confirmed.orderId(),
                "channel",
                confirmed.channel(),
                "discountMinor",
                confirmed.discountMinor());
        return confirmed.toRedemption();
    }

    /**
     * Draws, and when the counter is short, first recovers what abandoned attempts hold: a use or
     * budget can only be stuck behind a claim whose attempt died (its lease lapsed) and was never
     * retried. Recovery happens exactly when someone else needs what it holds, so no sweeper is needed.
     */
    private Draw claimRecovering(Counter counter, long amount, RedemptionRecord pending) {
        Draw outcome = store.draw(counter, amount, pending.claimMarker());
        if (outcome == Draw.INSUFFICIENT && recoverStale(counter, pending) > 0) {
            outcome = store.draw(counter, amount, pending.claimMarker());
        }
        return outcome;
    }

    /** Releases or tidies the claims on an item whose redemptions are dead or settled; returns how many freed something. */
    private int recoverStale(Counter counter, RedemptionRecord self) {
        int freed = 0;
        for (String marker : store.markers(counter)) {
            if (!marker.startsWith("redeem:") || marker.equals(self.claimMarker())) {
                continue;
            }
            String[] parts = marker.split(":", 3);
            Optional<RedemptionRecord> owner = record(parts[1], parts[2]);
            if (owner.isEmpty()) {
                continue; // the record is written before any draw, so a claim without one is not ours to judge
            }
            RedemptionRecord other = owner.get();
            long amount = counter.kind() == Counter.Kind.COUPON_USES ? 1 : other.discountMinor();
            boolean lapsed = other.leaseUntil() == null
                    || other.leaseUntil() < clock.instant().toEpochMilli();
            switch (other.state()) {
                case PENDING, RELEASING -> {
                    if (lapsed) {
                        try {
                            release(other.code(), other.orderId()); // takes the lapsed lease and gives the draws back
                            freed++;
                        } catch (CouponRejection raced) {
                            // another request resumed it meanwhile: its holder decides
                        }
                    }
                }
                case RELEASED -> {
                    if (other.releasedFrom() == Redemption.State.PENDING && store.undoDraw(counter, amount, marker)) {
                        freed++; // drawn after its release by an attempt that then died
                    } else {
                        store.forgetMarkers(counter, marker);
                    }
                }
                case CONFIRMED -> store.forgetMarkers(counter, marker); // a settled use whose marker was never tidied
            }
        }
        if (freed > 0) {
            LOG.warn(
                    "recovered claims of abandoned redemptions",
                    "counter",
                    counter.kind() + " " + counter.id(),
                    "freed",
                    freed);
        }
        return freed;
    }

    /** Removes a pending record whose draws were refused, so the order can try again later. */
    private void abandon(RedemptionRecord pending) {
        store.removeAbandoned(pending); // when the lease was lost, the attempt that took over decides
    }

    // ------------------------------------------------------------------ releasing

    /**
     * Gives a redemption back (the order was refunded or the checkout abandoned): the coupon use
     * and the budget become available again. Repeating a release is a no-op.
     *
     * @throws CouponRejection {@code NOT_REDEEMED} when the code was never redeemed for the order
     */
    public Redemption release(String rawCode, String orderId) {
        String code = RedemptionRequest.normaliseCode(rawCode);
        String me = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
            RedemptionRecord record = record(code, orderId)
                    .orElseThrow(() -> new CouponRejection(
                            Reason.NOT_REDEEMED, "coupon " + code + " was not redeemed for order " + orderId));
            if (record.state() == Redemption.State.RELEASED) {
                if (record.releasedFrom() == Redemption.State.CONFIRMED) {
                    emit(record, "Coupon Released"); // at least once: the first attempt may have died after settling
                }
                return record.toRedemption();
            }
            Redemption.State from =
                    record.state() == Redemption.State.RELEASING ? record.releasedFrom() : record.state();
            Optional<RedemptionRecord> leased = acquire(record, me, record.state(), from);
            if (leased.isPresent()) {
                return finishRelease(leased.get());
            }
            pause();
        }
        throw inProgress(record(code, orderId).orElseThrow());
    }

    /** Gives back the draws and marks the record released; the caller holds the lease. */
    private Redemption finishRelease(RedemptionRecord releasing) {
        if (releasing.releasedFrom() == Redemption.State.CONFIRMED) {
            store.giveBack(Counter.usesOf(releasing.code()), 1, releasing.releaseMarker());
            if (releasing.budgetCharged()) {
                store.giveBack(
                        Counter.budgetOf(releasing.campaignId()), releasing.discountMinor(), releasing.releaseMarker());
            }
        } else {
            store.undoDraw(Counter.usesOf(releasing.code()), 1, releasing.claimMarker());
            if (releasing.budgetCharged()) {
                store.undoDraw(
                        Counter.budgetOf(releasing.campaignId()), releasing.discountMinor(), releasing.claimMarker());
            }
        }
        Instant now = clock.instant();
        if (!store.settle(releasing, Redemption.State.RELEASING, Redemption.State.RELEASED, now)) {
            throw inProgress(releasing);
        }
        RedemptionRecord released = releasing.settled(Redemption.State.RELEASED, releasing.releasedFrom(), now);
        tidy(released);
        if (releasing.releasedFrom() == Redemption.State.CONFIRMED) {
            emit(released, "Coupon Released");
            Metrics.of("coupons").count("CouponsReleased", 1).emit();
        }
        LOG.info("coupon redemption released", "code", released.code(), "orderId", released.orderId());
        return released.toRedemption();
    }

    /** Forgets the markers of a settled redemption (CONFIRMED keeps its use; RELEASED gave it back). */
    private void tidy(RedemptionRecord settled) {
        store.forgetMarkers(Counter.usesOf(settled.code()), settled.claimMarker(), settled.releaseMarker());
        if (settled.budgetCharged()) {
            store.forgetMarkers(Counter.budgetOf(settled.campaignId()), settled.claimMarker(), settled.releaseMarker());
        }
    }

    // ------------------------------------------------------------------ record and lease

    private Optional<RedemptionRecord> record(String code, String orderId) {
        return store.redemption(code, orderId);
    }

    /**
     * Takes the lease on a record in state {@code from} when it is free or lapsed, moving it to
     * {@code RELEASING} when {@code releasedFrom} is given. Only the lease holder draws, gives back
     * or settles, so markers never race with their own tidying.
     */
    private Optional<RedemptionRecord> acquire(
            RedemptionRecord record, String me, Redemption.State from, Redemption.State releasedFrom) {
        Instant now = clock.instant();
        long until = now.plus(LEASE).toEpochMilli();
        if (!store.takeLease(record, from, releasedFrom, me, now, until)) {
            return Optional.empty();
        }
        Redemption.State state = releasedFrom != null ? Redemption.State.RELEASING : from;
        return Optional.of(
                record.leased(state, releasedFrom != null ? releasedFrom : record.releasedFrom(), me, until));
    }

    private static CouponRejection released(RedemptionRecord record) {
        return new CouponRejection(
                Reason.RELEASED,
                "the redemption of " + record.code() + " for order " + record.orderId()
                        + " was released; a new order id is needed");
    }

    private static CouponRejection inProgress(RedemptionRecord record) {
        return new CouponRejection(
                Reason.IN_PROGRESS,
                "coupon " + record.code() + " is being applied to order " + record.orderId()
                        + " by another request; retry shortly");
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a concurrent redemption", e);
        }
    }

    private Campaign runningRedeemableCampaign(String campaignId) {
        Campaign campaign = campaigns
                .find(campaignId)
                .map(CampaignStore.Stored::campaign)
                .orElseThrow(() -> new CouponRejection(Reason.CAMPAIGN_NOT_RUNNING, "no campaign " + campaignId));
        if (!campaign.offer().redeemable()) {
            throw new CouponRejection(
                    Reason.NOT_REDEEMABLE, "campaign " + campaignId + " gives bonus points; it has no coupons");
        }
        if (!clock.instant().isBefore(campaign.endsAt())) {
            throw new CouponRejection(Reason.CAMPAIGN_NOT_RUNNING, "campaign " + campaignId + " has ended");
        }
        return campaign;
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    private void emit(RedemptionRecord r, String event) {
        if (r.profileId() == null) {
            return; // an anonymous use of a shared code has no profile to record it on
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("coupon", r.code());
        properties.put("order_id", r.orderId());
        properties.put("campaign_id", r.campaignId());
        properties.put("discount", new Money(r.discountMinor(), r.currency()).amount());
        properties.put("currency", r.currency());
        if (r.giftSku() != null) {
            properties.put("gift_sku", r.giftSku());
        }
        String messageId =
                event.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ":" + r.code() + ":" + r.orderId();
        events.emit(new CampaignEvent(messageId, r.profileId(), event, r.channel(), properties, r.at()));
    }
}
