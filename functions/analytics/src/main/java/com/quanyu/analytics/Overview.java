package com.quanyu.analytics;

import com.quanyu.analytics.lake.LakeRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The marketer's overview of a period, computed from lake events only (one path for every figure):
 * per day and channel the events, active customers (distinct profiles with any event), orders
 * ({@code Order Completed}) and revenue (their {@code properties.total}); for the period, new
 * customers (first event ever falls inside it) against returning ones, and the share of active
 * customers seen in two or more channels within it; the same totals for the previous period.
 */
public record Overview(Period period, Totals totals, Totals previous, List<DayChannel> daily) {
    /** Figures of one day in one channel. */
    public record DayChannel(LocalDate day, String channel, long events, long activeCustomers, long orders, double revenue) {
    }

    /** Figures of a whole period. */
    public record Totals(LocalDate from, LocalDate to, long events, long activeCustomers, long orders, double revenue,
                         long newCustomers, long returningCustomers, long multiChannelCustomers, double multiChannelShare) {
    }

    public static Overview of(List<LakeRow> rows, Period period) {
        Map<String, LocalDate> firstSeen = new HashMap<>();
        for (LakeRow row : rows) {
            firstSeen.merge(row.profileId(), row.day(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<LocalDate, Map<String, Acc>> byDay = new TreeMap<>();
        for (LakeRow row : rows) {
            if (period.contains(row.day())) {
                byDay.computeIfAbsent(row.day(), d -> new TreeMap<>()).computeIfAbsent(row.channel(), c -> new Acc()).add(row);
            }
        }
        List<DayChannel> daily = new ArrayList<>();
        byDay.forEach((day, channels) -> channels.forEach((channel, acc) -> daily.add(
                new DayChannel(day, channel, acc.events, acc.profiles.size(), acc.orders, round(acc.revenue)))));
        return new Overview(period, totals(rows, period, firstSeen), totals(rows, period.previous(), firstSeen), daily);
    }

    private static Totals totals(List<LakeRow> rows, Period period, Map<String, LocalDate> firstSeen) {
        long events = 0;
        long orders = 0;
        double revenue = 0;
        Map<String, Set<String>> channelsByProfile = new HashMap<>();
        for (LakeRow row : rows) {
            if (!period.contains(row.day())) {
                continue;
            }
            events++;
            if (row.step() == LakeRow.Step.ORDER) {
                orders++;
                revenue += row.revenue();
            }
            channelsByProfile.computeIfAbsent(row.profileId(), p -> new HashSet<>()).add(row.channel());
        }
        long active = channelsByProfile.size();
        long fresh = channelsByProfile.keySet().stream().filter(p -> period.contains(firstSeen.get(p))).count();
        long multi = channelsByProfile.values().stream().filter(c -> c.size() >= 2).count();
        return new Totals(period.from(), period.to(), events, active, orders, round(revenue), fresh, active - fresh, multi,
                active == 0 ? 0 : Math.round(10_000.0 * multi / active) / 10_000.0);
    }

    static double round(double money) {
        return Math.round(money * 100) / 100.0;
    }

    private static final class Acc {
        long events;
        long orders;
        double revenue;
        final Set<String> profiles = new HashSet<>();

        void add(LakeRow row) {
            events++;
            profiles.add(row.profileId());
            if (row.step() == LakeRow.Step.ORDER) {
                orders++;
                revenue += row.revenue();
            }
        }
    }
}
