package com.quanyu.analytics;

import com.quanyu.analytics.lake.LakeRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Purchase funnels of a period from lake events: for each step (view, cart, checkout, order) the
 * number of distinct customers with that step, per channel and across channels. Across channels a
 * customer counts once however many channels they used (browse in the app, buy in a store: one
 * customer at each of the two steps). Customers are the lake's profile ids as stitched at ingestion.
 */
public record Funnels(Period period, List<String> steps, Funnel allChannels, List<Funnel> channels) {
    private static final List<LakeRow.Step> STEPS = List.of(LakeRow.Step.VIEW, LakeRow.Step.CART, LakeRow.Step.CHECKOUT, LakeRow.Step.ORDER);

    /** Distinct customers per step, in step order. */
    public record Funnel(String channel, List<Long> customers) {
    }

    public static Funnels of(List<LakeRow> rows, Period period) {
        Map<LakeRow.Step, Set<String>> all = new EnumMap<>(LakeRow.Step.class);
        Map<String, Map<LakeRow.Step, Set<String>>> byChannel = new TreeMap<>();
        for (LakeRow row : rows) {
            if (!period.contains(row.day()) || row.step() == LakeRow.Step.OTHER) {
                continue;
            }
            all.computeIfAbsent(row.step(), s -> new HashSet<>()).add(row.profileId());
            byChannel.computeIfAbsent(row.channel(), c -> new EnumMap<>(LakeRow.Step.class))
                    .computeIfAbsent(row.step(), s -> new HashSet<>()).add(row.profileId());
        }
        List<Funnel> channels = new ArrayList<>();
        byChannel.forEach((channel, steps) -> channels.add(funnel(channel, steps)));
        return new Funnels(period, STEPS.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList(),
                funnel("all", all), channels);
    }

    private static Funnel funnel(String channel, Map<LakeRow.Step, Set<String>> steps) {
        return new Funnel(channel, STEPS.stream().map(s -> (long) steps.getOrDefault(s, Set.of()).size()).toList());
    }
}
