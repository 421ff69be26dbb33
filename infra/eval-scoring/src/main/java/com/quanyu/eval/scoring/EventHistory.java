package com.quanyu.eval.scoring;

import com.quanyu.shared.ml.features.ActivitySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every person's events in time order, and their activity as of any past moment: the demo data held
 * in memory by the benchmarks (profiles built from events, the Java baseline of {@link TrainBench}).
 */
public final class EventHistory {
    private final Map<String, List<LakeEvent>> byProfile;
    private final Instant first;
    private final Instant last;
    private final long events;

    private EventHistory(Map<String, List<LakeEvent>> byProfile, Instant first, Instant last, long events) {
        this.byProfile = byProfile;
        this.first = first;
        this.last = last;
        this.events = events;
    }

    public static EventHistory of(Iterable<LakeEvent> events) {
        Map<String, List<LakeEvent>> byProfile = new HashMap<>();
        Instant first = null;
        Instant last = null;
        long count = 0;
        for (LakeEvent e : events) {
            byProfile.computeIfAbsent(e.profileId(), k -> new ArrayList<>()).add(e);
            first = first == null || e.at().isBefore(first) ? e.at() : first;
            last = last == null || e.at().isAfter(last) ? e.at() : last;
            count++;
        }
        byProfile.values().forEach(list -> list.sort(Comparator.comparing(LakeEvent::at)));
        return new EventHistory(byProfile, first, last, count);
    }

    public Collection<String> profileIds() {
        return byProfile.keySet();
    }

    public List<LakeEvent> events(String profileId) {
        return byProfile.getOrDefault(profileId, List.of());
    }

    public Map<String, List<LakeEvent>> all() {
        return byProfile;
    }

    /** Earliest event time, or null when empty. */
    public Instant first() {
        return first;
    }

    /** Latest event time, or null when empty. */
    public Instant last() {
        return last;
    }

    public long eventCount() {
        return events;
    }

    public int profileCount() {
        return byProfile.size();
    }

    /**
     * A person's activity as the profile would have shown it at {@code asOf}: the events before
     * that moment, counted by the profile's rules.
     */
    public static ActivitySnapshot snapshot(List<LakeEvent> events, Instant asOf) {
        Instant firstSeen = null;
        Instant lastSeen = null;
        Instant lastOrder = null;
        long pageViews = 0;
        long cartAdds = 0;
        long orders = 0;
        double revenue = 0;
        Set<String> sessions = new HashSet<>();
        Map<String, Instant> channels = new TreeMap<>();
        int end = 0;
        for (LakeEvent e : events) {
            if (!e.at().isBefore(asOf)) {
                break;
            }
            end++;
            firstSeen = firstSeen == null ? e.at() : firstSeen;
            lastSeen = e.at();
            if (e.sessionId() != null) {
                sessions.add(e.sessionId());
            }
            if ("page".equals(e.type()) || "screen".equals(e.type())) {
                pageViews++;
            }
            if (e.isCartAdd()) {
                cartAdds++;
            }
            if (e.isOrder()) {
                orders++;
                revenue += e.orderTotal();
                lastOrder = e.at();
            }
            if (e.channel() != null) {
                channels.put(e.channel(), e.at());
            }
        }
        List<ActivitySnapshot.RecentEvent> recent = new ArrayList<>(ActivitySnapshot.RECENT_LIMIT);
        for (int i = end - 1; i >= 0 && recent.size() < ActivitySnapshot.RECENT_LIMIT; i--) {
            LakeEvent e = events.get(i);
            recent.add(new ActivitySnapshot.RecentEvent(
                    e.type(), e.event(), e.skus().isEmpty() ? null : e.skus().get(0), e.channel(), e.at()));
        }
        return new ActivitySnapshot(
                asOf,
                firstSeen,
                lastSeen,
                sessions.size(),
                pageViews,
                cartAdds,
                orders,
                revenue,
                lastOrder,
                channels,
                recent);
    }

    /** True when the person placed an order in [from, to). */
    public static boolean orderedBetween(List<LakeEvent> events, Instant from, Instant to) {
        for (LakeEvent e : events) {
            if (e.isOrder() && !e.at().isBefore(from) && e.at().isBefore(to)) {
                return true;
            }
        }
        return false;
    }
}
