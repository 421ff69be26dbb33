package com.quanyu.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The test's own recomputation of every console figure from raw lake lines, written plainly in Java
 * from the definitions in docs/lake.md and docs/console.md, independent of the SQL.
 */
final class ReferenceFigures {
    record Event(
            String profileId, String channel, LocalDate day, Instant at, int step, String orderKey, double total) {}

    private final List<Event> events = new ArrayList<>();

    ReferenceFigures(List<JsonNode> lines) {
        for (JsonNode line : lines) {
            Instant at = Instant.parse(line.get("timestamp").asText());
            String type = line.path("type").asText();
            String name = line.path("event").asText("").toLowerCase(Locale.ROOT);
            int step = "track".equals(type) && name.equals("order completed")
                    ? 4
                    : "track".equals(type) && name.equals("checkout started")
                            ? 3
                            : "track".equals(type) && name.equals("product added")
                                    ? 2
                                    : type.equals("page") || type.equals("screen") || name.equals("product viewed")
                                            ? 1
                                            : 0;
            String orderKey = step == 4
                    ? line.path("properties")
                            .path("order_id")
                            .asText(line.get("messageId").asText())
                    : null;
            events.add(new Event(
                    line.get("profileId").asText(),
                    line.get("channel").asText(),
                    at.atOffset(ZoneOffset.UTC).toLocalDate(),
                    at,
                    step,
                    orderKey,
                    line.path("properties").path("total").asDouble(0)));
        }
        events.sort(Comparator.comparing(Event::at));
    }

    long events(Period p) {
        return events.stream().filter(e -> p.contains(e.day())).count();
    }

    /** Orders counted once per order id (the first line of an order id in the period). */
    private List<Event> firstOrderLines(Period p) {
        Set<String> seen = new HashSet<>();
        return events.stream()
                .filter(e -> p.contains(e.day()) && e.step() == 4 && seen.add(e.orderKey()))
                .toList();
    }

    long orders(Period p) {
        return firstOrderLines(p).size();
    }

    double revenue(Period p) {
        return Math.round(firstOrderLines(p).stream().mapToDouble(Event::total).sum() * 100) / 100.0;
    }

    /** Sum over days and channels of the distinct customers active that day in that channel. */
    long activeCustomerDays(Period p) {
        return dayChannelCustomers(p).size();
    }

    long newCustomerDays(Period p) {
        Map<String, LocalDate> first = new HashMap<>();
        events.forEach(e -> first.merge(e.profileId(), e.day(), (a, b) -> a.isBefore(b) ? a : b));
        return dayChannelCustomers(p).stream()
                .filter(k -> first.get(k.get(2)).equals(LocalDate.parse(k.get(0))))
                .count();
    }

    /** Active customer-days whose customer had been seen in two or more channels by the end of that day, over all. */
    double multichannelShare(Period p) {
        Set<List<String>> active = dayChannelCustomers(p);
        long multi = active.stream()
                .filter(k -> events.stream()
                                .filter(e -> e.profileId().equals(k.get(2))
                                        && !e.day().isAfter(LocalDate.parse(k.get(0))))
                                .map(Event::channel)
                                .distinct()
                                .count()
                        >= 2)
                .count();
        return active.isEmpty() ? 0 : Math.round(10_000.0 * multi / active.size()) / 10_000.0;
    }

    private Set<List<String>> dayChannelCustomers(Period p) {
        Set<List<String>> keys = new HashSet<>();
        events.stream()
                .filter(e -> p.contains(e.day()))
                .forEach(e -> keys.add(List.of(e.day().toString(), e.channel(), e.profileId())));
        return keys;
    }

    /** Customers whose furthest step in the period (in that channel, or anywhere for "all") reached each step. */
    List<Long> funnel(Period p, String channel) {
        Map<String, Integer> furthest = new HashMap<>();
        events.stream()
                .filter(e -> p.contains(e.day())
                        && (channel.equals("all") || e.channel().equals(channel)))
                .forEach(e -> furthest.merge(e.profileId(), e.step(), Math::max));
        List<Long> counts = new ArrayList<>();
        for (int step = 1; step <= 4; step++) {
            int s = step;
            counts.add(furthest.values().stream().filter(f -> f >= s).count());
        }
        return counts;
    }

    /** Buyers and their orders up to the end of {@code day} (every order line, as rfm_inputs counts). */
    Map<String, Long> ordersPerBuyer(LocalDate day) {
        Map<String, Long> counts = new HashMap<>();
        events.stream()
                .filter(e -> e.step() == 4 && !e.day().isAfter(day))
                .forEach(e -> counts.merge(e.profileId(), 1L, Long::sum));
        return counts;
    }
}
