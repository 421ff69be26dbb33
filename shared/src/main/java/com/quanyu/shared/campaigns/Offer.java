package com.quanyu.shared.campaigns;

/**
 * A campaign's offer.
 *
 * @param type             what is given
 * @param percentOff       for {@link OfferType#PERCENT_OFF}: 1..100
 * @param amountOff        for {@link OfferType#AMOUNT_OFF}: the amount, in the campaign's currency
 * @param minimumSpend     the order total (before shipping) needed to redeem, or null
 * @param giftSku          for {@link OfferType#GIFT}: the item added
 * @param pointsMultiplier for {@link OfferType#BONUS_POINTS}: e.g. 2.0 for double points
 */
public record Offer(
        OfferType type,
        Integer percentOff,
        Money amountOff,
        Money minimumSpend,
        String giftSku,
        Double pointsMultiplier) {
    public Offer {
        if (type == null) {
            throw new IllegalArgumentException("offer.type is required");
        }
        switch (type) {
            case PERCENT_OFF -> {
                if (percentOff == null || percentOff < 1 || percentOff > 100) {
                    throw new IllegalArgumentException("offer.percentOff must be between 1 and 100");
                }
            }
            case AMOUNT_OFF -> {
                if (amountOff == null || amountOff.minor() == 0) {
                    throw new IllegalArgumentException("offer.amountOff must be a positive amount");
                }
            }
            case GIFT -> {
                if (giftSku == null || giftSku.isBlank()) {
                    throw new IllegalArgumentException("offer.giftSku is required for a gift offer");
                }
            }
            case BONUS_POINTS -> {
                if (pointsMultiplier == null || !(pointsMultiplier > 1.0) || pointsMultiplier > 10.0) {
                    throw new IllegalArgumentException("offer.pointsMultiplier must be above 1 and at most 10");
                }
            }
            case FREE_SHIPPING -> {}
        }
    }

    public static Offer percentOff(int percent) {
        return new Offer(OfferType.PERCENT_OFF, percent, null, null, null, null);
    }

    public static Offer amountOff(Money amount) {
        return new Offer(OfferType.AMOUNT_OFF, null, amount, null, null, null);
    }

    public static Offer gift(String sku) {
        return new Offer(OfferType.GIFT, null, null, null, sku, null);
    }

    public static Offer bonusPoints(double multiplier) {
        return new Offer(OfferType.BONUS_POINTS, null, null, null, null, multiplier);
    }

    public Offer withMinimumSpend(Money minimum) {
        return new Offer(type, percentOff, amountOff, minimum, giftSku, pointsMultiplier);
    }

    /** Whether a coupon can carry this offer (bonus points apply to earning, not to a checkout). */
    public boolean redeemable() {
        return type != OfferType.BONUS_POINTS;
    }

    /**
     * The discount on an order. Percent-off rounds half down in the shop's favour, so the sum of
     * discounts never exceeds what was advertised.
     */
    public Money discountOn(Money orderTotal, Money shipping) {
        return switch (type) {
            case PERCENT_OFF -> new Money(orderTotal.minor() * percentOff / 100, orderTotal.currency());
            case AMOUNT_OFF -> amountOff.min(orderTotal);
            case FREE_SHIPPING -> shipping == null ? Money.zero(orderTotal.currency()) : shipping;
            case GIFT, BONUS_POINTS -> Money.zero(orderTotal.currency());
        };
    }
}
