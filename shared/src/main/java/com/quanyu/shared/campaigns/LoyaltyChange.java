package com.quanyu.shared.campaigns;

/**
 * The result of a loyalty operation.
 *
 * @param profileId the customer
 * @param points    points this operation moved (0 when it was a repeat or earned nothing)
 * @param repeated  true when the order had already been applied: nothing changed
 * @param balance   spendable points afterwards
 * @param tier      tier afterwards
 * @param value     what {@code points} are worth at checkout
 */
public record LoyaltyChange(String profileId, long points, boolean repeated, long balance, String tier, Money value) {}
