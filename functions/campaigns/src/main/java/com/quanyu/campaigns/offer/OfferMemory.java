package com.quanyu.campaigns.offer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the offer bandit remembers: counts per campaign and context, the latest decision per
 * profile and campaign (to attribute shows and redemptions to the context it was made in), and the
 * holdout/treated groups for uplift. Each count moves at most once per decision.
 */
public interface OfferMemory {
    /** Key of the all-context counts in {@link #stats(String)}. */
    String ALL_CONTEXTS = "*";

    /** Counts of a campaign: context key (and {@link #ALL_CONTEXTS}) to stats. */
    Map<String, ArmStats> stats(String campaignId);

    void rememberDecision(String profileId, String campaignId, String decisionId, String contextKey, Instant at);

    /** Counts a show of the latest decision, once; false when there is none or it was counted. */
    boolean shown(String profileId, String campaignId, Instant at);

    /** Counts a redemption of a shown decision made within {@code window}, once per decision. */
    boolean redeemed(String profileId, String campaignId, Instant at, Duration window);

    /** Puts a profile in its group the first time it is seen by the bandit. */
    void assignGroup(String profileId, boolean holdout, Instant at);

    /** Counts a profile's first order after assignment towards its group's conversions. */
    boolean converted(String profileId, Instant at);

    /** Group name ({@code holdout}, {@code treated}) to {assigned, converted}. */
    Map<String, long[]> groups();
}
