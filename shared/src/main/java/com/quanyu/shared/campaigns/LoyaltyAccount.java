package com.quanyu.shared.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's points across every channel, as lots (one per earning order) and spends (one per
 * paying order). Pure and immutable: each operation returns the next state, and the lots and
 * spends keyed by order id make every operation idempotent. The balance is the sum of unexpired
 * lots, so it can never be negative.
 *
 * @param profileId the customer
 * @param lots      earning order id to lot; kept after use until past the idempotency horizon
 * @param spends    paying order id to spend
 * @param refunds   refunded order id to the points its refund moved (negative: taken back), the
 *                  refund's idempotency record, so a repeat can tell what the first one did
 * @param version   optimistic-concurrency version of the stored account
 */
public record LoyaltyAccount(
        String profileId,
        Map<String, PointsLot> lots,
        Map<String, PointsSpend> spends,
        Map<String, Long> refunds,
        long version) {
    public LoyaltyAccount {
        lots = Map.copyOf(lots);
        spends = Map.copyOf(spends);
        refunds = refunds == null ? Map.of() : Map.copyOf(refunds); // accounts stored before refunds were kept
    }

    public static LoyaltyAccount empty(String profileId) {
        return new LoyaltyAccount(profileId, Map.of(), Map.of(), Map.of(), 0);
    }

    /** This account with the record of a refund that moved {@code points}. */
    public LoyaltyAccount withRefund(String orderId, long points) {
        Map<String, Long> next = new LinkedHashMap<>(refunds);
        next.put(orderId, points);
        return new LoyaltyAccount(profileId, lots, spends, next, version);
    }

    /** Spendable points at {@code now}. */
    public long balance(Instant now) {
        return lots.values().stream()
                .filter(l -> l.liveAt(now))
                .mapToLong(PointsLot::remaining)
                .sum();
    }

    /** Points earned within the rules' tier window (spent or not): what decides the tier. */
    public long qualifyingPoints(LoyaltyRules rules, Instant now) {
        Instant since = now.minus(rules.tierWindow());
        return lots.values().stream()
                .filter(l -> l.earnedAt().isAfter(since))
                .mapToLong(PointsLot::points)
                .sum();
    }

    public LoyaltyRules.Tier tier(LoyaltyRules rules, Instant now) {
        return rules.tierFor(qualifyingPoints(rules, now));
    }

    /** Points that lapse within {@code horizon} (for reminders). */
    public long expiringWithin(Duration horizon, Instant now) {
        Instant until = now.plus(horizon);
        return lots.values().stream()
                .filter(l -> l.liveAt(now) && l.expiresAt().isBefore(until))
                .mapToLong(PointsLot::remaining)
                .sum();
    }

    public boolean credited(String orderId) {
        return lots.containsKey(orderId);
    }

    /** Credits a lot for an order unless that order was credited before (then returns this). */
    public LoyaltyAccount earn(PointsLot lot) {
        if (lots.containsKey(lot.orderId())) {
            return this;
        }
        Map<String, PointsLot> next = new LinkedHashMap<>(lots);
        next.put(lot.orderId(), lot);
        return new LoyaltyAccount(profileId, next, spends, refunds, version);
    }

    /**
     * Pays {@code points} for an order from the lots that expire first. Repeating the same spend
     * returns this; the same order with a different amount is refused.
     */
    public LoyaltyAccount spend(String orderId, long points, Instant now) {
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
        PointsSpend earlier = spends.get(orderId);
        if (earlier != null) {
            if (earlier.points() != points || earlier.refunded()) {
                throw new LoyaltyRejection(
                        LoyaltyRejection.Reason.ORDER_MISMATCH,
                        "order " + orderId
                                + (earlier.refunded()
                                        ? " already had its points refunded"
                                        : " already spent " + earlier.points() + " points"));
            }
            return this;
        }
        long balance = balance(now);
        if (points > balance) {
            throw new LoyaltyRejection(
                    LoyaltyRejection.Reason.INSUFFICIENT_POINTS,
                    "spending " + points + " points needs at least that balance; the balance is " + balance);
        }
        Map<String, PointsLot> next = new LinkedHashMap<>(lots);
        Map<String, Long> taken = new LinkedHashMap<>();
        long left = points;
        for (PointsLot lot : liveByExpiry(now)) {
            long take = Math.min(left, lot.remaining());
            next.put(lot.orderId(), lot.withRemaining(lot.remaining() - take));
            taken.put(lot.orderId(), take);
            left -= take;
            if (left == 0) {
                break;
            }
        }
        Map<String, PointsSpend> nextSpends = new LinkedHashMap<>(spends);
        nextSpends.put(orderId, new PointsSpend(orderId, points, taken, now, false));
        return new LoyaltyAccount(profileId, next, nextSpends, refunds, version);
    }

    /** Gives back the points an order spent, to the lots they came from (an expired lot stays expired). */
    public LoyaltyAccount refundSpend(String orderId) {
        PointsSpend spend = spends.get(orderId);
        if (spend == null) {
            throw new LoyaltyRejection(LoyaltyRejection.Reason.NOT_SPENT, "order " + orderId + " spent no points");
        }
        if (spend.refunded()) {
            return this;
        }
        Map<String, PointsLot> next = new LinkedHashMap<>(lots);
        spend.fromLots().forEach((lotId, taken) -> {
            PointsLot lot = next.get(lotId);
            if (lot != null) {
                next.put(lotId, lot.withRemaining(lot.remaining() + taken));
            }
        });
        Map<String, PointsSpend> nextSpends = new LinkedHashMap<>(spends);
        nextSpends.put(orderId, new PointsSpend(orderId, spend.points(), spend.fromLots(), spend.at(), true));
        return new LoyaltyAccount(profileId, next, nextSpends, refunds, version);
    }

    /**
     * Takes back what a refunded order earned: first from its own lot, then (if those points were
     * already spent) from the other lots, never below zero. The lot stays as the idempotency record.
     */
    public LoyaltyAccount reverseEarn(String orderId, Instant now) {
        PointsLot lot = lots.get(orderId);
        if (lot == null || lot.points() == 0) {
            return this;
        }
        Map<String, PointsLot> next = new LinkedHashMap<>(lots);
        next.put(orderId, new PointsLot(orderId, 0, 0, lot.earnedAt(), lot.expiresAt(), lot.channel()));
        long left = lot.points() - lot.remaining(); // spent already: recovered from other lots while any remain
        for (PointsLot other : liveByExpiry(now)) {
            if (left == 0) {
                break;
            }
            if (!other.orderId().equals(orderId)) {
                long take = Math.min(left, other.remaining());
                next.put(other.orderId(), other.withRemaining(other.remaining() - take));
                left -= take;
            }
        }
        return new LoyaltyAccount(profileId, next, spends, refunds, version);
    }

    /** Drops lots and spends older than the idempotency horizon ({@code keep} past expiry). */
    public LoyaltyAccount prune(Instant now, Duration keep) {
        Instant cutoff = now.minus(keep);
        Map<String, PointsLot> next = new LinkedHashMap<>();
        lots.forEach((id, lot) -> {
            if (lot.expiresAt().isAfter(cutoff)) {
                next.put(id, lot);
            }
        });
        Map<String, PointsSpend> nextSpends = new LinkedHashMap<>();
        spends.forEach((id, spend) -> {
            if (spend.at().isAfter(cutoff)) {
                nextSpends.put(id, spend);
            }
        });
        Map<String, Long> nextRefunds = new LinkedHashMap<>();
        refunds.forEach((id, points) -> {
            if (next.containsKey(id) || nextSpends.containsKey(id)) {
                nextRefunds.put(id, points);
            }
        });
        return new LoyaltyAccount(profileId, next, nextSpends, nextRefunds, version);
    }

    /** This account at another version (the store sets the stored one). */
    public LoyaltyAccount withVersion(long next) {
        return new LoyaltyAccount(profileId, lots, spends, refunds, next);
    }

    private List<PointsLot> liveByExpiry(Instant now) {
        List<PointsLot> live = new ArrayList<>(
                lots.values().stream().filter(l -> l.liveAt(now)).toList());
        live.sort(Comparator.comparing(PointsLot::expiresAt).thenComparing(PointsLot::orderId));
        return live;
    }
}
