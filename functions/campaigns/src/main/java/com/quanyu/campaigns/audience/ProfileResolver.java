package com.quanyu.campaigns.audience;

import java.util.Optional;

/**
 * Turns what a channel knows about a customer (a profile id, or {@code email:...}, {@code phone:...},
 * {@code loyalty_card:...}, a user id) into the live canonical profile id, following merges. Every
 * entry point that is given a customer resolves first, so one person has one balance and one set of
 * coupons whichever identifier the till or the bot had.
 */
@FunctionalInterface
public interface ProfileResolver {
    Optional<String> resolve(String query);
}
