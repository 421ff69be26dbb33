package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.node.NullNode;
import com.quanyu.shared.customer.Profile.ChannelActivity;
import com.quanyu.shared.customer.Profile.ConsentValue;
import com.quanyu.shared.customer.Profile.Counters;
import com.quanyu.shared.customer.Profile.EventSummary;
import com.quanyu.shared.customer.Profile.Rfm;
import com.quanyu.shared.customer.Profile.TraitValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pure functions that fold an event into a profile and combine two profiles. Both are commutative
 * where it matters (counters add, traits and consent keep the latest by event time, first/last seen
 * take min/max), so the result does not depend on the order concurrent writers land in.
 */
final class ProfileFold {
    static final int LAST_EVENTS = 20;
    static final int RECENT_SESSIONS = 50;
    static final int MAX_APPLIED = 1000;
    static final Duration APPLIED_RETENTION = Duration.ofHours(25);
    static final String PRODUCT_ADDED = "Product Added";
    /** A group call is kept as the trait {@code group:<groupId>} = {@code {"groupId", "traits"}}, one per group. */
    static final String GROUP_TRAIT_PREFIX = "group:";

    private ProfileFold() {}

    /**
     * The profile after {@code event}; {@code linked} are the event's identifiers that point at this
     * profile, {@code countOrder} whether this event is the one that created its order.
     */
    static Profile apply(Profile p, CustomerEvent event, List<Identifier> linked, boolean countOrder, Instant now) {
        Instant at = event.timestamp();
        Map<String, TraitValue> traits = new TreeMap<>(p.traits());
        event.traits()
                .properties()
                .forEach(e -> setIfNewer(
                        traits,
                        e.getKey(),
                        new TraitValue(e.getValue() == null ? NullNode.instance : e.getValue(), at)));
        if (event.type() == EventType.GROUP) {
            setIfNewer(traits, GROUP_TRAIT_PREFIX + event.name(), new TraitValue(groupMembership(event), at));
        }
        Map<String, Set<String>> identifiers = new TreeMap<>(p.identifiers());
        for (Identifier id : linked) {
            Set<String> hashes =
                    new TreeSet<>(identifiers.getOrDefault(id.type().wireName(), Set.of()));
            hashes.add(id.hash());
            identifiers.put(id.type().wireName(), hashes);
        }
        Map<String, ChannelActivity> channels = new TreeMap<>(p.channels());
        channels.merge(event.channel(), new ChannelActivity(at, at), ProfileFold::span);

        List<String> sessions = new ArrayList<>(p.recentSessions());
        boolean newSession = event.sessionId() != null && !sessions.contains(event.sessionId());
        if (newSession) {
            sessions.add(event.sessionId());
        }
        Counters c = p.counters();
        boolean page = event.type() == EventType.PAGE || event.type() == EventType.SCREEN;
        boolean cartAdd = event.type() == EventType.TRACK && PRODUCT_ADDED.equalsIgnoreCase(event.name());
        double revenue = countOrder ? event.order().total() : 0;
        Counters counters = new Counters(
                c.events() + 1,
                c.sessions() + (newSession ? 1 : 0),
                c.pageViews() + (page ? 1 : 0),
                c.cartAdds() + (cartAdd ? 1 : 0),
                c.orders() + (countOrder ? 1 : 0),
                c.revenue() + revenue);
        Rfm rfm = countOrder ? addRfm(p.rfm(), new Rfm(at, at, 1, revenue)) : p.rfm();

        List<EventSummary> last = new ArrayList<>(p.lastEvents());
        last.add(new EventSummary(
                event.type().wireName(),
                event.name().isEmpty() ? null : event.name(),
                event.sku(),
                event.channel(),
                at));
        Map<String, ConsentValue> consent = new TreeMap<>(p.consent());
        String consentSource =
                event.raw().path("context").path("consent").path("source").asText(event.channel());
        event.consent()
                .forEach((category, granted) ->
                        consent.merge(category, new ConsentValue(granted, at, consentSource), ConsentValue::latest));
        Map<String, Long> applied = new HashMap<>(p.appliedEvents());
        applied.put(event.appliedKey(), now.getEpochSecond());

        return new Profile(
                p.profileId(),
                p.version() + 1,
                min(p.firstSeenAt(), at),
                max(p.lastSeenAt(), at),
                traits,
                identifiers,
                channels,
                counters,
                rfm,
                newest(last),
                consent,
                lastN(sessions, RECENT_SESSIONS),
                pruneApplied(applied, now),
                p.absorbed(),
                p.mergedInto());
    }

    private static com.fasterxml.jackson.databind.JsonNode groupMembership(CustomerEvent event) {
        var membership = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        membership.put("groupId", event.name());
        var groupTraits = event.raw().get("traits");
        membership.set(
                "traits",
                groupTraits != null && groupTraits.isObject()
                        ? groupTraits.deepCopy()
                        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        return membership;
    }

    /** {@code target} with {@code other} (a frozen, merged-away profile) folded in, without double counting. */
    static Profile merge(Profile target, Profile other, Instant now) {
        Map<String, TraitValue> traits = new TreeMap<>(target.traits());
        other.traits().forEach((name, value) -> setIfNewer(traits, name, value));
        Map<String, Set<String>> identifiers = new TreeMap<>(target.identifiers());
        other.identifiers().forEach((type, hashes) -> {
            Set<String> union = new TreeSet<>(identifiers.getOrDefault(type, Set.of()));
            union.addAll(hashes);
            identifiers.put(type, union);
        });
        Map<String, ChannelActivity> channels = new TreeMap<>(target.channels());
        other.channels().forEach((channel, activity) -> channels.merge(channel, activity, ProfileFold::span));
        Set<String> sharedSessions = new LinkedHashSet<>(target.recentSessions());
        sharedSessions.retainAll(other.recentSessions());
        List<String> sessions =
                new ArrayList<>(new LinkedHashSet<>(concat(target.recentSessions(), other.recentSessions())));
        Counters a = target.counters();
        Counters b = other.counters();
        Counters counters = new Counters(
                a.events() + b.events(),
                a.sessions() + b.sessions() - sharedSessions.size(),
                a.pageViews() + b.pageViews(),
                a.cartAdds() + b.cartAdds(),
                a.orders() + b.orders(),
                a.revenue() + b.revenue());
        Map<String, ConsentValue> consent = new TreeMap<>(target.consent());
        other.consent().forEach((category, value) -> consent.merge(category, value, ConsentValue::latest));
        Map<String, Long> applied = new HashMap<>(target.appliedEvents());
        applied.putAll(other.appliedEvents());
        Set<String> absorbed = new TreeSet<>(target.absorbed());
        absorbed.addAll(other.absorbed());
        absorbed.add(other.profileId());
        return new Profile(
                target.profileId(),
                target.version() + 1,
                min(target.firstSeenAt(), other.firstSeenAt()),
                max(target.lastSeenAt(), other.lastSeenAt()),
                traits,
                identifiers,
                channels,
                counters,
                addRfm(target.rfm(), other.rfm()),
                newest(concat(target.lastEvents(), other.lastEvents())),
                consent,
                lastN(sessions, RECENT_SESSIONS),
                pruneApplied(applied, now),
                absorbed,
                target.mergedInto());
    }

    /** The first identifier type whose distinct values in {@code a} and {@code b} together exceed its limit. */
    static java.util.Optional<IdentifierType> exceededLimit(Profile a, Profile b, IdentityRules rules) {
        for (IdentifierType type : IdentifierType.values()) {
            Set<String> union = new TreeSet<>(a.identifiers().getOrDefault(type.wireName(), Set.of()));
            union.addAll(b.identifiers().getOrDefault(type.wireName(), Set.of()));
            if (union.size() > rules.limit(type)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    static Profile frozen(Profile p, String into) {
        return new Profile(
                p.profileId(),
                p.version() + 1,
                p.firstSeenAt(),
                p.lastSeenAt(),
                p.traits(),
                p.identifiers(),
                p.channels(),
                p.counters(),
                p.rfm(),
                p.lastEvents(),
                p.consent(),
                p.recentSessions(),
                p.appliedEvents(),
                p.absorbed(),
                into);
    }

    private static void setIfNewer(Map<String, TraitValue> traits, String name, TraitValue value) {
        traits.merge(
                name, value, (old, candidate) -> candidate.updatedAt().isBefore(old.updatedAt()) ? old : candidate);
    }

    private static ChannelActivity span(ChannelActivity a, ChannelActivity b) {
        return new ChannelActivity(min(a.firstSeen(), b.firstSeen()), max(a.lastSeen(), b.lastSeen()));
    }

    private static Rfm addRfm(Rfm a, Rfm b) {
        return new Rfm(
                min(a.firstOrderAt(), b.firstOrderAt()),
                max(a.lastOrderAt(), b.lastOrderAt()),
                a.orderCount() + b.orderCount(),
                a.revenue() + b.revenue());
    }

    private static List<EventSummary> newest(List<EventSummary> events) {
        return events.stream()
                .distinct()
                .sorted(Comparator.comparing(EventSummary::timestamp)
                        .reversed()
                        .thenComparing(e -> String.valueOf(e.event())))
                .limit(LAST_EVENTS)
                .toList();
    }

    private static Map<String, Long> pruneApplied(Map<String, Long> applied, Instant now) {
        long oldest = now.minus(APPLIED_RETENTION).getEpochSecond();
        applied.values().removeIf(appliedAt -> appliedAt < oldest);
        if (applied.size() <= MAX_APPLIED) {
            return applied;
        }
        // A profile this busy keeps only its newest keys; retries older than these are caught by the dedupe table.
        Map<String, Long> kept = new HashMap<>();
        applied.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MAX_APPLIED)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    private static <T> List<T> lastN(List<T> list, int n) {
        return list.size() <= n ? list : list.subList(list.size() - n, list.size());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
