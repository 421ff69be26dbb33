package com.quanyu.shared.campaigns;

import com.quanyu.shared.log.JsonLogger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one loyalty ledger: a points balance and tier per customer, the same in every channel.
 *
 * <p>Each customer's account is one record of the {@link LoyaltyStore} holding its lots and
 * spends, replaced with optimistic concurrency on its version. Because the earning or
 * paying order id is a key inside that single item, checking "already applied" and applying happen
 * in one conditional write: a re-delivered or retried event can never credit twice, and concurrent
 * earns and spends from different channels serialise on the version. {@code balance} and
 * {@code tier} are stored beside the state for reading and querying.
 */
public final class LoyaltyLedger {
    private static final JsonLogger LOG = JsonLogger.of(LoyaltyLedger.class);
    private static final int MAX_ATTEMPTS = 64;
    /** Fresh entropy per call: environments restored from one SnapStart snapshot do not back off in lockstep. */
    private static final SecureRandom JITTER = new SecureRandom();
    /** Applied orders are remembered this long past their lot's expiry; older events are refused by age. */
    static final Duration KEEP = Duration.ofDays(400);

    private final LoyaltyStore store;
    private final LoyaltyRules rules;
    private final CampaignEventSink events;
    private final Clock clock;

    public LoyaltyLedger(LoyaltyStore store, LoyaltyRules rules, CampaignEventSink events, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    public LoyaltyRules rules() {
        return rules;
    }

    /** The customer's account (empty when they never earned). */
    public LoyaltyAccount account(String profileId) {
        return store.load(profileId).orElseGet(() -> LoyaltyAccount.empty(profileId));
    }

    /** Balance, tier and value now. */
    public LoyaltyChange summary(String profileId) {
        LoyaltyAccount account = account(profileId);
        Instant now = clock.instant();
        return change(account, 0, false, now);
    }

    /**
     * Credits an order's points, once per order id whatever the number of deliveries.
     *
     * @param campaignMultiplier the largest bonus-points multiplier of the campaigns running for the order (1 for none)
     */
    public LoyaltyChange earn(
            String profileId,
            String orderId,
            Money orderTotal,
            String channel,
            Instant orderedAt,
            double campaignMultiplier) {
        requireId(profileId, "profileId");
        requireId(orderId, "orderId");
        if (!orderTotal.currency().equals(rules.currency())) {
            throw new LoyaltyRejection(
                    LoyaltyRejection.Reason.CURRENCY_MISMATCH,
                    "orders in " + orderTotal.currency() + " earn no points; the programme runs in "
                            + rules.currency());
        }
        Instant expiresAt = orderedAt.plus(rules.expiry());
        long[] credited = {0};
        boolean[] repeated = {false};
        LoyaltyAccount after = update(profileId, account -> {
            Instant now = clock.instant();
            credited[0] = 0;
            repeated[0] = account.credited(orderId);
            if (repeated[0] || !expiresAt.isAfter(now)) {
                return account; // applied before, or so old its points would already have lapsed
            }
            long points = rules.pointsFor(orderTotal, account.tier(rules, orderedAt), campaignMultiplier);
            credited[0] = points;
            return account.earn(new PointsLot(orderId, points, points, orderedAt, expiresAt, channel));
        });
        Instant now = clock.instant();
        // At least once: a repeat re-emits (same message id) in case the first attempt died after its write.
        PointsLot lot = after.lots().get(orderId);
        if (lot != null && lot.points() > 0) {
            emit(
                    profileId,
                    "Loyalty Points Earned",
                    "loyalty-earned:" + orderId,
                    channel,
                    orderId,
                    lot.points(),
                    after,
                    now);
        }
        return change(after, credited[0], repeated[0], now);
    }

    /** Pays with points at checkout, once per order id. */
    public LoyaltyChange spend(String profileId, String orderId, long points, String channel) {
        requireId(profileId, "profileId");
        requireId(orderId, "orderId");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be a positive whole number");
        }
        boolean[] repeated = {false};
        LoyaltyAccount after = update(profileId, account -> {
            repeated[0] = account.spends().containsKey(orderId);
            return account.spend(orderId, points, clock.instant());
        });
        Instant now = clock.instant();
        emit(profileId, "Loyalty Points Spent", "loyalty-spent:" + orderId, channel, orderId, points, after, now);
        return change(after, repeated[0] ? 0 : points, repeated[0], now);
    }

    /**
     * Undoes an order on refund: returns the points it spent and takes back the points it earned.
     * The account keeps what the refund moved, so a repeat changes nothing and re-emits the same
     * event (same message id) in case the first attempt died after its write.
     */
    public LoyaltyChange refundOrder(String profileId, String orderId) {
        requireId(profileId, "profileId");
        boolean[] repeated = {false};
        LoyaltyAccount after = update(profileId, account -> {
            repeated[0] = account.refunds().containsKey(orderId);
            if (repeated[0]) {
                return account;
            }
            Instant now = clock.instant();
            long before = account.balance(now);
            LoyaltyAccount next = account;
            PointsSpend spend = next.spends().get(orderId);
            if (spend != null && !spend.refunded()) {
                next = next.refundSpend(orderId);
            }
            next = next.reverseEarn(orderId, now);
            long moved = next.balance(now) - before;
            // an order that earned and spent nothing leaves no record (and no write)
            return next == account ? account : next.withRefund(orderId, moved);
        });
        Instant now = clock.instant();
        long moved = after.refunds().getOrDefault(orderId, 0L);
        if (moved != 0) {
            emit(profileId, "Loyalty Points Adjusted", "loyalty-refund:" + orderId, null, orderId, moved, after, now);
        }
        return change(after, repeated[0] ? 0 : moved, repeated[0] || moved == 0, now);
    }

    /** Read-modify-write with a version check; retries with jitter while other writers win. */
    private LoyaltyAccount update(String profileId, UnaryOperator<LoyaltyAccount> operation) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            LoyaltyAccount current = account(profileId);
            LoyaltyAccount next = operation.apply(current);
            if (next == current) {
                return current;
            }
            Instant now = clock.instant();
            LoyaltyAccount stored = next.prune(now, KEEP).withVersion(current.version() + 1);
            if (write(stored, current.version(), now)) {
                return stored;
            }
            backOff(attempt);
        }
        throw new IllegalStateException("loyalty account of " + profileId + " is too contended; retry");
    }

    private boolean write(LoyaltyAccount account, long expectedVersion, Instant now) {
        return store.replace(
                account,
                expectedVersion,
                account.balance(now),
                account.tier(rules, now).name(),
                now);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(JITTER.nextLong(1, 5L + 5L * Math.min(attempt, 10)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private LoyaltyChange change(LoyaltyAccount account, long points, boolean repeated, Instant now) {
        return new LoyaltyChange(
                account.profileId(),
                points,
                repeated,
                account.balance(now),
                account.tier(rules, now).name(),
                rules.valueOf(Math.abs(points)));
    }

    private void emit(
            String profileId,
            String event,
            String messageId,
            String channel,
            String orderId,
            long points,
            LoyaltyAccount after,
            Instant now) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("order_id", orderId);
        properties.put("points", points);
        properties.put("balance", after.balance(now));
        properties.put("tier", after.tier(rules, now).name());
        events.emit(new CampaignEvent(messageId, profileId, event, channel, properties, now));
        LOG.info(event.toLowerCase(java.util.Locale.ROOT), "orderId", orderId, "points", points);
    }

    private static void requireId(String value, String name) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new IllegalArgumentException(name + " is required (at most 128 characters)");
        }
    }
}
