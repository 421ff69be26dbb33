package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignStore;
import com.quanyu.shared.campaigns.LoyaltyChange;
import com.quanyu.shared.campaigns.LoyaltyRejection;
import com.quanyu.shared.campaigns.OfferType;
import com.quanyu.shared.campaigns.Redemption;
import com.quanyu.shared.lake.store.LakeReader;
import com.quanyu.shared.log.JsonLogger;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** What campaigns do with accepted events from the lake (see {@link com.quanyu.campaigns.LakeEventsHandler}). */
public final class LakeEvents {
    private static final JsonLogger LOG = JsonLogger.of(LakeEvents.class);

    /** Counts of what one invocation did. */
    public static final class Tally {
        private final Map<String, Long> counts = new TreeMap<>();

        void add(String what) {
            counts.merge(what, 1L, Long::sum);
        }

        public long get(String what) {
            return counts.getOrDefault(what, 0L);
        }

        public Map<String, Long> asMap() {
            return Map.copyOf(counts);
        }
    }

    private final CampaignsContext context;

    public LakeEvents(CampaignsContext context) {
        this.context = context;
    }

    /** Applies every line of one lake object ({@code key} says whether it is gzip); malformed lines are tallied. */
    public void apply(InputStream object, String key, Tally tally) {
        // Campaigns are read once per object, not per line.
        Supplier<List<CampaignStore.Stored>> campaigns =
                memoize(() -> context.coupons().campaigns().all());
        LakeReader.ReadReport report =
                LakeReader.readLines(object, key.endsWith(".gz"), key, line -> apply(line, campaigns, tally));
        for (long i = 0; i < report.badLines() + report.badObjects(); i++) {
            tally.add("malformed");
        }
        if (report.badLines() > 0 || report.badObjects() > 0) {
            LakeReader.log(report, "key", key);
        }
    }

    private void apply(JsonNode line, Supplier<List<CampaignStore.Stored>> campaigns, Tally tally) {
        String event = line.path("event").asText("");
        String profileId = line.path("profileId").asText("");
        String campaignId = line.path("properties").path("campaign_id").asText("");
        switch (event) {
            case "Order Completed" -> earn(line, campaigns, tally);
            case "Order Refunded" -> refund(line, tally);
            case "Offer Shown" ->
                count(
                        tally,
                        "offerShown",
                        !profileId.isBlank()
                                && !campaignId.isBlank()
                                && context.offers().recordShown(profileId, campaignId));
            case "Offer Redeemed", "Coupon Redeemed" ->
                count(
                        tally,
                        "offerRedeemed",
                        !profileId.isBlank()
                                && !campaignId.isBlank()
                                && context.offers().recordRedeemed(profileId, campaignId));
            default -> tally.add("ignored");
        }
    }

    private void earn(JsonNode line, Supplier<List<CampaignStore.Stored>> campaigns, Tally tally) {
        Optional<OrderCompleted> parsed = OrderCompleted.from(line);
        if (parsed.isEmpty()) {
            tally.add("unusableOrder");
            return;
        }
        OrderCompleted order = parsed.get();
        try {
            LoyaltyChange change = context.loyalty()
                    .earn(
                            order.profileId(),
                            order.orderId(),
                            order.total(),
                            order.channel(),
                            order.at(),
                            bonusMultiplier(order, campaigns.get()));
            tally.add(change.repeated() ? "repeatedOrder" : change.points() > 0 ? "pointsEarned" : "noPoints");
        } catch (LoyaltyRejection e) {
            LOG.warn(
                    "order earns no points",
                    "orderId",
                    order.orderId(),
                    "reason",
                    e.reason().code());
            tally.add("noPoints");
        }
        count(tally, "conversion", context.offers().recordOrder(order.profileId()));
    }

    /** The largest bonus of the bonus-points campaigns running for this order's channel and buyer. */
    private double bonusMultiplier(OrderCompleted order, List<CampaignStore.Stored> campaigns) {
        double best = 1.0;
        Supplier<Optional<ProfileView>> buyer = memoize(() -> context.profiles().find(order.profileId()));
        for (CampaignStore.Stored stored : campaigns) {
            Campaign c = stored.campaign();
            if (c.offer().type() != OfferType.BONUS_POINTS
                    || !c.runningAt(order.at())
                    || !c.allowsChannel(order.channel())
                    || c.offer().pointsMultiplier() <= best) {
                continue;
            }
            if (c.audienceId() != null) {
                Optional<ProfileView> profile = buyer.get();
                boolean member = profile.isPresent()
                        && context.audiences()
                                .find(c.audienceId())
                                .map(a -> a.parsedRule().matches(profile.get(), order.at()))
                                .orElse(false);
                if (!member) {
                    continue;
                }
            }
            best = c.offer().pointsMultiplier();
        }
        return best;
    }

    private void refund(JsonNode line, Tally tally) {
        String profileId = line.path("profileId").asText("");
        String orderId = line.path("properties").path("order_id").asText("");
        if (profileId.isBlank() || orderId.isBlank()) {
            tally.add("unusableOrder");
            return;
        }
        context.loyalty().refundOrder(profileId, orderId);
        for (Redemption r : context.coupons().redemptionsOfOrder(orderId)) {
            if (r.state() != Redemption.State.RELEASED) {
                context.coupons().release(r.code(), orderId);
            }
        }
        tally.add("refunded");
    }

    private static void count(Tally tally, String what, boolean counted) {
        tally.add(counted ? what : what + "NotCounted");
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
