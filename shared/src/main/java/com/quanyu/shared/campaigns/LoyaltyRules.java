package com.quanyu.shared.campaigns;

import com.quanyu.shared.config.Env;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How points are earned, valued, expire and make tiers. One programme per brand, the same in every
 * channel. From the environment:
 * {@code LOYALTY_CURRENCY} (CNY), {@code LOYALTY_POINTS_PER_UNIT} (1 point per currency unit),
 * {@code LOYALTY_EXPIRY_DAYS} (365), {@code LOYALTY_POINT_VALUE_MINOR} (1: a point is worth 0.01),
 * {@code LOYALTY_TIERS} ({@code member:0:1.0,silver:2000:1.25,gold:10000:1.5}: name, points earned in
 * the last {@code LOYALTY_TIER_WINDOW_DAYS} (365) to qualify, earning multiplier).
 *
 * @param currency        orders in other currencies earn nothing (no silent FX guesses)
 * @param pointsPerUnit   base points per whole currency unit of the order total
 * @param expiry          how long earned points stay spendable
 * @param pointValueMinor what one point is worth at checkout, in minor units of {@code currency}
 * @param tiers           tiers by ascending threshold; the first must start at 0
 * @param tierWindow      the rolling window of earned points that decides the tier
 */
public record LoyaltyRules(
        String currency,
        double pointsPerUnit,
        Duration expiry,
        long pointValueMinor,
        List<Tier> tiers,
        Duration tierWindow) {

    /**
     * A tier.
     *
     * @param name       e.g. {@code gold}
     * @param threshold  points earned within the window needed
     * @param multiplier earning multiplier
     */
    public record Tier(String name, long threshold, double multiplier) {}

    public LoyaltyRules {
        currency = Money.zero(currency).currency();
        if (!(pointsPerUnit > 0) || expiry.isNegative() || expiry.isZero() || pointValueMinor < 1 || tiers.isEmpty()) {
            throw new IllegalArgumentException("loyalty rules need positive rate, expiry and point value, and tiers");
        }
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::threshold)).toList();
        if (tiers.getFirst().threshold() != 0) {
            throw new IllegalArgumentException("the first tier must start at 0 points");
        }
    }

    public static LoyaltyRules defaults() {
        return fromEnv(Env.of(java.util.Map.of()));
    }

    public static LoyaltyRules fromEnv(Env env) {
        List<Tier> tiers = new ArrayList<>();
        for (String spec : env.get("LOYALTY_TIERS", "member:0:1.0,silver:2000:1.25,gold:10000:1.5")
                .split(",")) {
            String[] parts = spec.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalStateException("LOYALTY_TIERS entries are name:threshold:multiplier, not " + spec);
            }
            tiers.add(new Tier(parts[0], Long.parseLong(parts[1]), Double.parseDouble(parts[2])));
        }
        return new LoyaltyRules(
                env.get("LOYALTY_CURRENCY", env.get("DEFAULT_CURRENCY", "CNY")),
                env.doubleValue("LOYALTY_POINTS_PER_UNIT", 1.0),
                Duration.ofDays(env.intValue("LOYALTY_EXPIRY_DAYS", 365)),
                env.longValue("LOYALTY_POINT_VALUE_MINOR", 1),
                tiers,
                Duration.ofDays(env.intValue("LOYALTY_TIER_WINDOW_DAYS", 365)));
    }

    /** The tier that {@code qualifyingPoints} reach. */
    public Tier tierFor(long qualifyingPoints) {
        Tier reached = tiers.getFirst();
        for (Tier tier : tiers) {
            if (qualifyingPoints >= tier.threshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** Points an order earns: whole currency units times the rate, the tier's and the campaigns' multipliers, rounded down. */
    public long pointsFor(Money orderTotal, Tier tier, double campaignMultiplier) {
        double units = orderTotal.amount().doubleValue();
        return (long) Math.floor(units * pointsPerUnit * tier.multiplier() * Math.max(1.0, campaignMultiplier) + 1e-9);
    }

    /** What {@code points} are worth at checkout. */
    public Money valueOf(long points) {
        return new Money(Math.multiplyExact(points, pointValueMinor), currency);
    }
}
