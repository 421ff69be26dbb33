package com.quanyu.shared.campaigns;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A marketing campaign: who it targets, what it offers, where and when it runs, and how much
 * discount it may give away in total.
 *
 * @param id         url-safe identifier chosen by the marketer (e.g. {@code spring-2027})
 * @param name       display name
 * @param audienceId the audience whose members are eligible, or null for everyone
 * @param offer      what is given
 * @param channels   where coupons are redeemable and offers shown; {@code all}, {@code chat} or names
 * @param currency   ISO 4217 currency of the budget, amount offers and accepted orders
 * @param budget     total discount the campaign may give, or null for no limit
 * @param startsAt   first moment the campaign runs
 * @param endsAt     moment it stops (exclusive)
 * @param status     whether it runs
 */
public record Campaign(
        String id,
        String name,
        String audienceId,
        Offer offer,
        Set<String> channels,
        String currency,
        Money budget,
        Instant startsAt,
        Instant endsAt,
        Status status) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Whether the campaign runs at all (within its dates). */
    public enum Status {
        ACTIVE,
        PAUSED
    }

    public Campaign {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1-63 lower-case letters, digits or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        Objects.requireNonNull(offer, "offer is required");
        channels = Channels.normaliseAll(channels == null ? Set.of() : channels);
        currency = Money.zero(currency).currency();
        if (budget != null && !budget.currency().equals(currency)) {
            throw new IllegalArgumentException(
                    "budget currency " + budget.currency() + " is not the campaign's " + currency);
        }
        if (offer.amountOff() != null && !offer.amountOff().currency().equals(currency)) {
            throw new IllegalArgumentException("offer.amountOff currency is not the campaign's " + currency);
        }
        if (offer.minimumSpend() != null && !offer.minimumSpend().currency().equals(currency)) {
            throw new IllegalArgumentException("offer.minimumSpend currency is not the campaign's " + currency);
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("startsAt and endsAt are required and endsAt must be after startsAt");
        }
        status = status == null ? Status.ACTIVE : status;
    }

    /** Whether it runs at {@code now}. */
    public boolean runningAt(Instant now) {
        return status == Status.ACTIVE && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean allowsChannel(String channel) {
        return Channels.allows(channels, channel);
    }
}
