package com.quanyu.shared.ml.features;

import com.quanyu.shared.customer.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is known about a person's activity at one moment: the input of the propensity features.
 * Serving builds it from the stored profile ({@link #fromProfile}); training rebuilds it from lake
 * events as of a past cut-off with the same counting rules (page/screen calls are page views,
 * "Product Added" is a cart add, "Order Completed" an order, sessions by context.sessionId, the
 * newest {@value #RECENT_LIMIT} events kept), so the model sees the same numbers in both places.
 *
 * @param asOf            the moment the features describe
 * @param firstSeen       earliest activity, or null
 * @param lastSeen        latest activity, or null
 * @param lastOrderAt     latest order, or null
 * @param channelLastSeen channel to its latest activity
 * @param recent          newest events first, at most {@value #RECENT_LIMIT}
 */
public record ActivitySnapshot(
        Instant asOf,
        Instant firstSeen,
        Instant lastSeen,
        long sessions,
        long pageViews,
        long cartAdds,
        long orders,
        double revenue,
        Instant lastOrderAt,
        Map<String, Instant> channelLastSeen,
        List<RecentEvent> recent) {
    /** How many recent events a profile keeps (the profile's {@code lastEvents}). */
    public static final int RECENT_LIMIT = 20;

    public ActivitySnapshot {
        channelLastSeen = Map.copyOf(channelLastSeen);
        recent = List.copyOf(recent.size() > RECENT_LIMIT ? recent.subList(0, RECENT_LIMIT) : recent);
    }

    /**
     * One recent event.
     *
     * @param type    Segment call type ({@code page}, {@code track}, ...)
     * @param event   track event name, or null
     * @param sku     product of the event, or null
     */
    public record RecentEvent(String type, String event, String sku, String channel, Instant at) {
        public boolean isView() {
            return "page".equals(type) || "screen".equals(type) || "Product Viewed".equalsIgnoreCase(event);
        }

        public boolean isCartAdd() {
            return "track".equals(type) && "Product Added".equalsIgnoreCase(event);
        }

        public boolean isOrder() {
            return "track".equals(type) && "Order Completed".equalsIgnoreCase(event);
        }
    }

    /** A person with no activity at all (an unknown or brand-new profile). */
    public static ActivitySnapshot empty(Instant asOf) {
        return new ActivitySnapshot(asOf, null, null, 0, 0, 0, 0, 0, null, Map.of(), List.of());
    }

    /** The snapshot of a stored profile now. */
    public static ActivitySnapshot fromProfile(Profile profile, Instant asOf) {
        Map<String, Instant> channels = new TreeMap<>();
        profile.channels().forEach((channel, activity) -> channels.put(channel, activity.lastSeen()));
        List<RecentEvent> recent = new ArrayList<>();
        for (Profile.EventSummary e : profile.lastEvents()) {
            recent.add(new RecentEvent(e.type(), e.event(), e.sku(), e.channel(), e.timestamp()));
        }
        recent.sort((a, b) -> b.at().compareTo(a.at()));
        var c = profile.counters();
        return new ActivitySnapshot(
                asOf,
                profile.firstSeenAt(),
                profile.lastSeenAt(),
                c.sessions(),
                c.pageViews(),
                c.cartAdds(),
                c.orders(),
                c.revenue(),
                profile.rfm().lastOrderAt(),
                channels,
                recent);
    }

    /** True when nothing is known: scores for it are cold-start defaults. */
    public boolean isEmpty() {
        return lastSeen == null && orders == 0 && recent.isEmpty();
    }
}
