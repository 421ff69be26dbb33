package com.quanyu.campaigns.offer;

import com.quanyu.campaigns.audience.Audience;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Chooses which running campaign's offer a profile sees in a channel, or none: eligible campaigns
 * (running, in the channel, budget left, audience rule met) compete in a {@link ThompsonPolicy}
 * conditioned on the profile's {@link OfferContext}; a stable {@link HoldoutGroups} share never
 * sees offers, so uplift is measured against a true control.
 */
public final class NextBestOffer {
    /** A redemption counts for the decision shown within this window. */
    public static final Duration ATTRIBUTION_WINDOW = Duration.ofDays(7);

    private final Supplier<List<CampaignStore.Stored>> campaigns;
    private final Function<String, Optional<Audience>> audiences;
    private final OfferMemory memory;
    private final ThompsonPolicy policy;
    private final HoldoutGroups holdout;
    private final Clock clock;
    private final RandomGenerator random;

    public NextBestOffer(
            Supplier<List<CampaignStore.Stored>> campaigns,
            Function<String, Optional<Audience>> audiences,
            OfferMemory memory,
            ThompsonPolicy policy,
            HoldoutGroups holdout,
            Clock clock,
            RandomGenerator random) {
        this.campaigns = campaigns;
        this.audiences = audiences;
        this.memory = memory;
        this.policy = policy;
        this.holdout = holdout;
        this.clock = clock;
        this.random = random;
    }

    public OfferDecision decide(ProfileView profile, String rawChannel) {
        String channel = Channels.normalise(rawChannel);
        Instant now = clock.instant();
        OfferContext context = OfferContext.of(profile);
        String decisionId = UUID.randomUUID().toString();
        boolean heldOut = holdout.heldOut(profile.profileId());
        memory.assignGroup(profile.profileId(), heldOut, now);
        if (heldOut) {
            return new OfferDecision(decisionId, profile.profileId(), channel, null, true, context.key(), 0, "holdout");
        }
        List<Campaign> eligible = eligible(profile, channel, now);
        List<ThompsonPolicy.Arm> arms = new ArrayList<>();
        for (Campaign campaign : eligible) {
            Map<String, ArmStats> stats = memory.stats(campaign.id());
            arms.add(new ThompsonPolicy.Arm(
                    campaign.id(),
                    stats.getOrDefault(context.key(), ArmStats.NONE),
                    stats.getOrDefault(OfferMemory.ALL_CONTEXTS, ArmStats.NONE)));
        }
        Optional<ThompsonPolicy.Choice> choice = policy.choose(arms, random);
        if (choice.isEmpty()) {
            return new OfferDecision(
                    decisionId, profile.profileId(), channel, null, false, context.key(), 0, "no-eligible-campaign");
        }
        Campaign chosen = eligible.stream()
                .filter(c -> c.id().equals(choice.get().campaignId()))
                .findFirst()
                .orElseThrow();
        memory.rememberDecision(profile.profileId(), chosen.id(), decisionId, context.key(), now);
        return new OfferDecision(
                decisionId,
                profile.profileId(),
                channel,
                chosen,
                false,
                context.key(),
                choice.get().sampledRate(),
                choice.get().bounded() ? "bandit-bounded" : "bandit");
    }

    /** Campaigns that may be offered to this profile in this channel now. */
    public List<Campaign> eligible(ProfileView profile, String channel, Instant now) {
        List<Campaign> result = new ArrayList<>();
        for (CampaignStore.Stored stored : campaigns.get()) {
            Campaign c = stored.campaign();
            boolean budgetLeft =
                    stored.budgetRemaining() == null || stored.budgetRemaining().minor() > 0;
            if (c.runningAt(now) && c.allowsChannel(channel) && budgetLeft && inAudience(c, profile, now)) {
                result.add(c);
            }
        }
        return result;
    }

    private boolean inAudience(Campaign campaign, ProfileView profile, Instant now) {
        if (campaign.audienceId() == null) {
            return true;
        }
        return audiences
                .apply(campaign.audienceId())
                .map(a -> a.parsedRule().matches(profile, now))
                .orElse(false);
    }

    /** Learns from an {@code Offer Shown} event. */
    public boolean recordShown(String profileId, String campaignId) {
        return memory.shown(profileId, campaignId, clock.instant());
    }

    /** Learns from an {@code Offer Redeemed} / {@code Coupon Redeemed} event, and counts conversion for uplift. */
    public boolean recordRedeemed(String profileId, String campaignId) {
        return memory.redeemed(profileId, campaignId, clock.instant(), ATTRIBUTION_WINDOW);
    }

    /** Counts an order towards the profile's group (holdout or treated). */
    public boolean recordOrder(String profileId) {
        return memory.converted(profileId, clock.instant());
    }
}
