package com.quanyu.shared.campaigns;

import java.util.List;
import java.util.Optional;

/**
 * Campaign definitions with each campaign's remaining budget kept beside it, so redemptions can draw
 * it down ({@link CouponStore.Counter#budgetOf}). Implementations: {@code store.DynamoCampaignStore}
 * and the in-memory fake of the shared test-jar.
 */
public interface CampaignStore {

    /** A stored campaign with its budget state. */
    record Stored(Campaign campaign, long version, Money budgetRemaining) {}

    /** Stores a new campaign; false when the id is taken. */
    boolean create(Campaign campaign);

    /**
     * Replaces a campaign's definition if it is still at {@code current.version()}. A budget change
     * moves the remaining budget by the same amount and fails rather than make it negative.
     *
     * @return false when the campaign changed since it was read or the budget cut exceeds what is left
     * @throws IllegalArgumentException when the id or currency would change, or a budget be added or removed
     */
    boolean update(Stored current, Campaign changed);

    Optional<Stored> find(String id);

    /** Every campaign (a brand runs tens to hundreds). */
    List<Stored> all();

    /** The budget change {@link #update} applies, after checking what may not change. */
    static long budgetDelta(Stored current, Campaign changed) {
        if (!current.campaign().id().equals(changed.id())
                || !current.campaign().currency().equals(changed.currency())) {
            throw new IllegalArgumentException("a campaign's id and currency cannot change");
        }
        if ((current.campaign().budget() == null) != (changed.budget() == null)) {
            throw new IllegalArgumentException("a budget cannot be added to or removed from a running campaign");
        }
        return changed.budget() == null
                ? 0
                : changed.budget().minor() - current.campaign().budget().minor();
    }
}
