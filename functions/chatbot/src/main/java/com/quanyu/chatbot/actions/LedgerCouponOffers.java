package com.quanyu.chatbot.actions;

import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.Channels;
import com.quanyu.shared.campaigns.Coupon;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.CouponRejection;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Coupons from the campaigns team's ledger (the one coupon store). The bot only gives out coupons
 * of campaigns that are running, redeemable in every channel ({@code all}) and open to everyone (no
 * audience): it cannot judge audience membership. A customer who already holds an unexpired code
 * of such a campaign gets that code again; otherwise the campaign ending last issues a unique code.
 */
public final class LedgerCouponOffers implements CouponOffers {
    private final CouponLedger ledger;
    private final Clock clock;

    public LedgerCouponOffers(CouponLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Optional<IssuedCoupon> couponFor(String profileId) {
        Instant now = clock.instant();
        var offered = ledger.campaigns().all().stream()
                .map(CampaignStore.Stored::campaign)
                .filter(c -> c.runningAt(now)
                        && c.offer().redeemable()
                        && c.audienceId() == null
                        && c.channels().contains(Channels.ALL))
                .toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        for (Coupon held : ledger.couponsOf(profileId)) {
            boolean fromOffered = offered.stream().anyMatch(c -> c.id().equals(held.campaignId()));
            if (fromOffered && !held.expiredAt(now) && held.remaining() > 0) {
                Campaign from = offered.stream()
                        .filter(c -> c.id().equals(held.campaignId()))
                        .findFirst()
                        .orElseThrow();
                return Optional.of(new IssuedCoupon(held.code(), held.validUntil(), true, from.offer()));
            }
        }
        Campaign campaign =
                offered.stream().max(Comparator.comparing(Campaign::endsAt)).orElseThrow();
        try {
            Coupon coupon = ledger.issueUnique(campaign.id(), profileId);
            return Optional.of(new IssuedCoupon(coupon.code(), coupon.validUntil(), false, campaign.offer()));
        } catch (CouponRejection e) {
            return Optional.empty(); // ended or paused between the listing and the issue
        }
    }
}
