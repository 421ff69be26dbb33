package com.quanyu.shared.campaigns;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage port of {@link LoyaltyLedger}: one account per customer, replaced whole with
 * optimistic concurrency on its version. Because the orders an account has applied are part of it,
 * "already applied?" and "apply" are one conditional write. Implementations:
 * {@code store.DynamoLoyaltyStore} and the in-memory fake of the shared test-jar.
 */
public interface LoyaltyStore {

    /** The stored account with its version, read consistently (empty when the customer never earned). */
    Optional<LoyaltyAccount> load(String profileId);

    /**
     * Replaces the account if it is still at {@code expectedVersion} (0: if there is none); {@code
     * balance} and {@code tier} are stored beside it for reading and querying.
     *
     * @return false when another writer changed the account first
     */
    boolean replace(LoyaltyAccount next, long expectedVersion, long balance, String tier, Instant updatedAt);
}
