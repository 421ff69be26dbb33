package com.quanyu.shared.testing.fakes;

import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.Coupon;
import com.quanyu.shared.campaigns.CouponStore;
import com.quanyu.shared.campaigns.Money;
import com.quanyu.shared.campaigns.Redemption;
import com.quanyu.shared.campaigns.RedemptionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The campaigns table in memory: {@link CampaignStore} and {@link CouponStore} over one state (a
 * campaign's budget is a counter redemptions draw on, as it is an attribute of the campaign item in
 * DynamoDB), with the DynamoDB stores' conditions, every write numbered by a {@link CrashPlan}.
 */
public final class InMemoryCampaignsTable implements CampaignStore, CouponStore {
    private final CrashPlan plan;
    private final Map<String, Stored> campaigns = new HashMap<>();
    private final Map<String, String> issued = new HashMap<>();
    private final Map<String, Coupon> coupons = new HashMap<>();
    private final Map<String, RedemptionRecord> redemptions = new HashMap<>();
    private final Map<Counter, Long> counters = new HashMap<>();
    private final Map<Counter, Set<String>> markers = new HashMap<>();

    public InMemoryCampaignsTable(CrashPlan plan) {
        this.plan = plan;
    }

    // ------------------------------------------------------------------ campaigns

    @Override
    public boolean create(Campaign campaign) {
        return plan.write("campaigns.create " + campaign.id(), () -> {
            synchronized (this) {
                if (campaigns.containsKey(campaign.id())) {
                    return false;
                }
                campaigns.put(campaign.id(), new Stored(campaign, 1, null));
                if (campaign.budget() != null) {
                    counters.put(
                            Counter.budgetOf(campaign.id()), campaign.budget().minor());
                }
                return true;
            }
        });
    }

    @Override
    public boolean update(Stored current, Campaign changed) {
        long delta = CampaignStore.budgetDelta(current, changed);
        return plan.write("campaigns.update " + changed.id(), () -> {
            synchronized (this) {
                Stored stored = campaigns.get(changed.id());
                Counter budget = Counter.budgetOf(changed.id());
                if (stored == null || stored.version() != current.version()) {
                    return false;
                }
                if (changed.budget() != null && counters.getOrDefault(budget, 0L) < Math.max(0, -delta)) {
                    return false;
                }
                campaigns.put(changed.id(), new Stored(changed, current.version() + 1, null));
                if (changed.budget() != null) {
                    counters.merge(budget, delta, Long::sum);
                }
                return true;
            }
        });
    }

    @Override
    public synchronized Optional<Stored> find(String id) {
        return Optional.ofNullable(campaigns.get(id)).map(this::withBudget);
    }

    @Override
    public synchronized List<Stored> all() {
        return campaigns.values().stream().map(this::withBudget).toList();
    }

    private Stored withBudget(Stored stored) {
        Long budget = counters.get(Counter.budgetOf(stored.campaign().id()));
        return new Stored(
                stored.campaign(),
                stored.version(),
                budget == null ? null : new Money(budget, stored.campaign().currency()));
    }

    // ------------------------------------------------------------------ coupons

    @Override
    public String rememberIssuedCode(String campaignId, String profileId, String candidate) {
        return plan.write("coupons.rememberIssuedCode " + campaignId + "/" + profileId, () -> {
            synchronized (this) {
                return issued.computeIfAbsent(campaignId + "/" + profileId, k -> candidate);
            }
        });
    }

    @Override
    public void addCouponIfAbsent(Coupon coupon) {
        plan.write("coupons.addCoupon " + coupon.code(), () -> {
            synchronized (this) {
                if (coupons.putIfAbsent(coupon.code(), coupon) == null) {
                    counters.put(Counter.usesOf(coupon.code()), coupon.remaining());
                }
            }
        });
    }

    @Override
    public synchronized Optional<Coupon> coupon(String code) {
        Coupon c = coupons.get(code);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new Coupon(
                c.code(),
                c.campaignId(),
                c.kind(),
                c.profileId(),
                c.cap(),
                counters.get(Counter.usesOf(code)),
                c.validFrom(),
                c.validUntil(),
                c.issuedAt()));
    }

    @Override
    public synchronized List<Coupon> couponsOf(String profileId) {
        return coupons.values().stream()
                .filter(c -> profileId.equals(c.profileId()))
                .sorted(Comparator.comparing((Coupon c) -> c.issuedAt() + "#" + c.code())
                        .reversed())
                .map(c -> coupon(c.code()).orElseThrow())
                .toList();
    }

    // ------------------------------------------------------------------ redemption records

    @Override
    public synchronized Optional<RedemptionRecord> redemption(String code, String orderId) {
        return Optional.ofNullable(redemptions.get(key(code, orderId)));
    }

    @Override
    public boolean addRedemptionIfAbsent(RedemptionRecord pending) {
        return plan.write("coupons.addRedemption " + key(pending.code(), pending.orderId()), () -> {
            synchronized (this) {
                return redemptions.putIfAbsent(key(pending.code(), pending.orderId()), pending) == null;
            }
        });
    }

    @Override
    public synchronized List<RedemptionRecord> redemptionsOfOrder(String orderId) {
        return redemptions.values().stream()
                .filter(r -> r.orderId().equals(orderId))
                .sorted(Comparator.comparing(RedemptionRecord::code))
                .toList();
    }

    @Override
    public synchronized List<RedemptionRecord> redemptionsOfCampaign(String campaignId) {
        return redemptions.values().stream()
                .filter(r -> r.campaignId().equals(campaignId))
                .sorted(Comparator.comparing((RedemptionRecord r) -> r.code() + "#" + r.orderId()))
                .toList();
    }

    @Override
    public boolean takeLease(
            RedemptionRecord record,
            Redemption.State from,
            Redemption.State releasedFrom,
            String owner,
            Instant now,
            long leaseUntil) {
        String key = key(record.code(), record.orderId());
        return plan.write("coupons.takeLease " + key, () -> {
            synchronized (this) {
                RedemptionRecord stored = redemptions.get(key);
                if (stored == null
                        || stored.state() != from
                        || (stored.leaseUntil() != null && stored.leaseUntil() >= now.toEpochMilli())) {
                    return false;
                }
                redemptions.put(
                        key,
                        stored.leased(
                                releasedFrom != null ? Redemption.State.RELEASING : stored.state(),
                                releasedFrom != null ? releasedFrom : stored.releasedFrom(),
                                owner,
                                leaseUntil));
                return true;
            }
        });
    }

    @Override
    public boolean settle(RedemptionRecord leased, Redemption.State from, Redemption.State to, Instant at) {
        String key = key(leased.code(), leased.orderId());
        return plan.write("coupons.settle " + key + " " + to, () -> {
            synchronized (this) {
                RedemptionRecord stored = redemptions.get(key);
                if (stored == null || stored.state() != from || !leased.owner().equals(stored.owner())) {
                    return false;
                }
                redemptions.put(key, stored.settled(to, stored.releasedFrom(), at));
                return true;
            }
        });
    }

    @Override
    public boolean removeAbandoned(RedemptionRecord pending) {
        String key = key(pending.code(), pending.orderId());
        return plan.write("coupons.removeAbandoned " + key, () -> {
            synchronized (this) {
                RedemptionRecord stored = redemptions.get(key);
                if (stored == null
                        || stored.state() != Redemption.State.PENDING
                        || !pending.owner().equals(stored.owner())) {
                    return false;
                }
                redemptions.remove(key);
                return true;
            }
        });
    }

    // ------------------------------------------------------------------ counters

    @Override
    public Draw draw(Counter counter, long amount, String marker) {
        return plan.write("coupons.draw " + name(counter) + " " + marker, () -> {
            synchronized (this) {
                Long value = counters.get(counter);
                if (markersOf(counter).contains(marker)) {
                    return Draw.ALREADY_CLAIMED;
                }
                if (value == null || value < amount) {
                    return Draw.INSUFFICIENT;
                }
                counters.put(counter, value - amount);
                markersOf(counter).add(marker);
                return Draw.CLAIMED;
            }
        });
    }

    @Override
    public boolean undoDraw(Counter counter, long amount, String marker) {
        return plan.write("coupons.undoDraw " + name(counter) + " " + marker, () -> {
            synchronized (this) {
                if (!markersOf(counter).remove(marker)) {
                    return false;
                }
                counters.merge(counter, amount, Long::sum);
                return true;
            }
        });
    }

    @Override
    public void giveBack(Counter counter, long amount, String releaseMarker) {
        plan.write("coupons.giveBack " + name(counter) + " " + releaseMarker, () -> {
            synchronized (this) {
                if (counters.containsKey(counter) && markersOf(counter).add(releaseMarker)) {
                    counters.merge(counter, amount, Long::sum);
                }
            }
        });
    }

    @Override
    public void forgetMarkers(Counter counter, String... forgotten) {
        plan.write("coupons.forgetMarkers " + name(counter), () -> {
            synchronized (this) {
                markersOf(counter).removeAll(List.of(forgotten));
            }
        });
    }

    @Override
    public synchronized Set<String> markers(Counter counter) {
        return Set.copyOf(markersOf(counter));
    }

    /** Every counter's value now, by {@code kind id} (for assertions). */
    public synchronized Map<String, Long> counters() {
        Map<String, Long> values = new HashMap<>();
        counters.forEach((counter, value) -> values.put(name(counter), value));
        return values;
    }

    /** Every redemption record now (for assertions). */
    public synchronized List<RedemptionRecord> redemptions() {
        return new ArrayList<>(redemptions.values());
    }

    private Set<String> markersOf(Counter counter) {
        return markers.computeIfAbsent(counter, c -> new LinkedHashSet<>());
    }

    private static String name(Counter counter) {
        return counter.kind() + " " + counter.id();
    }

    private static String key(String code, String orderId) {
        return code + "/" + orderId;
    }
}
