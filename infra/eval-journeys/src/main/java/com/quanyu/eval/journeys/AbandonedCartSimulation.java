package com.quanyu.eval.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.journeys.engine.Customer;
import com.quanyu.journeys.engine.InMemoryJourneyStore;
import com.quanyu.journeys.engine.JourneyEngine;
import com.quanyu.journeys.engine.JourneyEvent;
import com.quanyu.journeys.engine.Links;
import com.quanyu.journeys.engine.Measurement;
import com.quanyu.journeys.engine.SendingLimits;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abandoned-cart journey ({@code events/journeys/abandoned-cart.json}) over 30 simulated days
 * of the demo generator's customers, through the real engine (in-memory store, recording channels).
 *
 * <p>Customers get contact addresses, per-channel consent, a time zone and a language at random
 * (fixed seed). Organic orders are the generator's own. The response model is explicit: a treated
 * customer who receives a message orders with probability {@code --effect} (another
 * {@code --coupon-effect} after a coupon offer) 1-48 hours later, unless they order organically
 * first; 1 % of recipients unsubscribe. The measured uplift is compared with the injected one.
 * Afterwards every send is checked against frequency caps, quiet hours in the customer's zone,
 * consent at the time of sending, and the holdout.
 */
public final class AbandonedCartSimulation {
    private static final ZoneId[] ZONES = {
        ZoneId.of("Asia/Shanghai"),
        ZoneId.of("Asia/Shanghai"),
        ZoneId.of("Asia/Shanghai"),
        ZoneId.of("Asia/Tokyo"),
        ZoneId.of("Europe/London"),
        ZoneId.of("America/Los_Angeles")
    };

    private record Pending(Instant at, JourneyEvent event) {}

    private record Sent(Instant at, String profileId, Channel channel, String journeyKey) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "3000"));
        int days = Integer.parseInt(options.getOrDefault("days", "30"));
        double effect = Double.parseDouble(options.getOrDefault("effect", "0.06"));
        double couponEffect = Double.parseDouble(options.getOrDefault("coupon-effect", "0.04"));
        long started = System.nanoTime();

        DemoDataset data = DemoData.generate(DemoConfig.of(seed, customers, days));
        Map<String, String> personOf = new HashMap<>();
        data.truth().forEach((person, truth) -> truth.identifiers().forEach(id -> personOf.put(id, person)));

        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Customer> directory = new ConcurrentHashMap<>();
        for (String person : data.truth().keySet()) {
            Map<String, String> traits = new HashMap<>();
            Map<Channel, Boolean> consent = new EnumMap<>(Channel.class);
            boolean chinese = random.nextDouble() < 0.6;
            traits.put("first_name", chinese ? "顾客" : "Customer");
            traits.put("language", chinese ? "zh-CN" : "en");
            addContact(random, traits, consent, Channel.LINE, "U" + person, 0.35, 0.8);
            addContact(random, traits, consent, Channel.EMAIL, person + "@example.com", 0.9, 0.55);
            addContact(
                    random,
                    traits,
                    consent,
                    Channel.SMS,
                    "+86138" + String.format("%08d", Math.floorMod(person.hashCode(), 100_000_000)),
                    0.8,
                    0.3);
            directory.put(
                    person,
                    new Customer(
                            person,
                            traits,
                            consent,
                            ZONES[random.nextInt(ZONES.length)],
                            Map.of(),
                            Optional.empty(),
                            Map.of()));
        }

        MovableClock clock = new MovableClock(
                data.events().isEmpty()
                        ? Instant.now()
                        : Instant.parse(
                                data.events().get(0).event().get("timestamp").asText()));
        InMemoryJourneyStore store = new InMemoryJourneyStore();
        List<Sent> sends = new ArrayList<>();
        Map<String, Instant> lastMessageAt = new HashMap<>();
        Map<String, Boolean> offerReceived = new HashMap<>();
        PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
        Random response = new Random(seed + 1);
        Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        List<String> violations = new ArrayList<>();
        int[] injected = {0};
        for (Channel channel : List.of(Channel.LINE, Channel.EMAIL, Channel.SMS)) {
            senders.put(channel, message -> {
                String person = personFromAddress(directory, message);
                Customer customer = directory.get(person);
                if (!customer.consents(message.channel())) {
                    violations.add("sent without consent: " + person + " " + message.channel());
                }
                sends.add(new Sent(clock.instant(), person, message.channel(), message.idempotencyKey()));
                if (response.nextDouble() < 0.02) {
                    return SendResult.failed("simulated bounce");
                }
                boolean offer = message.idempotencyKey().endsWith("~offer");
                lastMessageAt.put(person, clock.instant());
                offerReceived.put(person, offer);
                if (response.nextDouble() < (offer ? couponEffect : effect)) {
                    Instant at = clock.instant().plus(Duration.ofMinutes(60 + response.nextInt(47 * 60)));
                    queue.add(new Pending(at, new JourneyEvent(person, "Order Completed", at, "sim-" + injected[0]++)));
                }
                if (response.nextDouble() < 0.01) {
                    Map<Channel, Boolean> consent = new EnumMap<>(customer.consent());
                    consent.put(message.channel(), false);
                    directory.put(
                            person,
                            new Customer(
                                    person,
                                    customer.traits(),
                                    consent,
                                    customer.zone(),
                                    customer.lastInbound(),
                                    customer.segment(),
                                    customer.scores()));
                }
                return SendResult.sent("sim");
            });
        }
        JourneyEngine engine = new JourneyEngine(
                store,
                id -> Optional.ofNullable(directory.get(id)),
                (campaign, profile) -> Optional.of("CART-" + profile.toUpperCase(Locale.ROOT)),
                senders,
                SendingLimits.DEFAULT,
                new Links("https://api.example.com", "simulation"),
                clock);
        JsonNode journey = Json.parse(Files.readString(RepoRoot.find().resolve("events/journeys/abandoned-cart.json")));
        store.putDefinition("abandoned-cart", 1, journey, clock.instant());
        // a second journey competes for the same customers, so the frequency caps across journeys are exercised
        ObjectNode crossSell = (ObjectNode) journey.deepCopy();
        crossSell.put("id", "post-purchase");
        ((ObjectNode) crossSell.get("entry")).put("event", "Order Completed");
        ((ObjectNode) crossSell.get("entry").get("unless"))
                .put("event", "Order Refunded")
                .put("withinMinutes", 60);
        store.putDefinition("post-purchase", 1, crossSell, clock.instant());
        engine.refreshDefinitions();

        long organicEvents = 0;
        for (DemoDataset.SourcedEvent sourced : data.events()) {
            ObjectNode event = sourced.event();
            if (!"track".equals(event.path("type").asText())) {
                continue;
            }
            String name = event.path("event").asText();
            if (!name.equals("Product Added") && !name.equals("Order Completed")) {
                continue;
            }
            String person = person(personOf, event);
            if (person == null) {
                continue;
            }
            Instant at = Instant.parse(event.get("timestamp").asText());
            queue.add(new Pending(
                    at,
                    new JourneyEvent(person, name, at, event.path("messageId").asText())));
            organicEvents++;
        }
        Instant nextSweep = clock.instant();
        Instant end = clock.instant().plus(Duration.ofDays(days + 3));
        while (clock.instant().isBefore(end)) {
            Instant nextEvent = queue.isEmpty() ? end : queue.peek().at();
            if (!nextSweep.isAfter(nextEvent)) {
                moveTo(clock, nextSweep);
                while (engine.sweep(1000) == 1000) {
                    // drain
                }
                nextSweep = nextSweep.plus(Duration.ofMinutes(5));
                continue;
            }
            if (queue.isEmpty()) {
                moveTo(clock, end);
                break;
            }
            Pending next = queue.poll();
            moveTo(clock, next.at());
            engine.onEvent(next.event());
        }

        // checks: caps, quiet hours, holdout
        Map<String, List<Instant>> byPerson = new HashMap<>();
        for (Sent s : sends) {
            byPerson.computeIfAbsent(s.profileId(), k -> new ArrayList<>()).add(s.at());
            LocalTime local = s.at().atZone(directory.get(s.profileId()).zone()).toLocalTime();
            if (SendingLimits.DEFAULT.quiet(local)) {
                violations.add("sent in quiet hours: " + s.profileId() + " at " + local);
            }
            String journeyId = s.journeyKey().substring(0, s.journeyKey().indexOf('~'));
            if (store.enrollment(s.profileId(), journeyId).map(e -> e.holdout()).orElse(false)) {
                violations.add("held-out customer messaged: " + s.profileId());
            }
        }
        byPerson.forEach((person, times) -> {
            times.sort(null);
            for (int i = 0; i < times.size(); i++) {
                Instant t = times.get(i);
                long day = times.stream()
                        .filter(x -> !x.isAfter(t) && x.isAfter(t.minus(Duration.ofDays(1))))
                        .count();
                long week = times.stream()
                        .filter(x -> !x.isAfter(t) && x.isAfter(t.minus(Duration.ofDays(7))))
                        .count();
                if (day > SendingLimits.DEFAULT.perDay() || week > SendingLimits.DEFAULT.perWeek()) {
                    violations.add("frequency cap exceeded: " + person + " at " + t);
                }
            }
        });

        Map<String, Long> counters = store.counters("abandoned-cart").getOrDefault(1, Map.of());
        long treated = counters.getOrDefault("entered_treatment", 0L);
        long held = counters.getOrDefault("entered_holdout", 0L);
        Measurement.Uplift uplift = Measurement.uplift(
                counters.getOrDefault("converted_treatment", 0L),
                Math.max(1, treated),
                counters.getOrDefault("converted_holdout", 0L),
                Math.max(1, held));
        Map<Channel, Long> perChannel = new EnumMap<>(Channel.class);
        sends.forEach(s -> perChannel.merge(s.channel(), 1L, Long::sum));
        System.out.printf(
                Locale.ROOT,
                "Abandoned-cart journey: %d demo customers, %d simulated days (seed %d), %d cart/order events, "
                        + "response model %.0f%% per reminder + %.0f%% per coupon offer%n",
                customers,
                days,
                seed,
                organicEvents,
                effect * 100,
                couponEffect * 100);
        System.out.printf(
                Locale.ROOT,
                "triggered %d, cancelled by an order within 2 h %d, entered: treatment %d, holdout %d%n",
                counters.getOrDefault("triggered", 0L),
                counters.getOrDefault("cancelled_by_order_completed", 0L),
                treated,
                held);
        System.out.printf(
                Locale.ROOT,
                "messages, both journeys %d (%s); abandoned cart: sent %d, failed %d, deferred by quiet hours %d, coupons %d%n",
                sends.size(),
                perChannel,
                counters.getOrDefault("sent", 0L),
                counters.getOrDefault("failed", 0L),
                counters.getOrDefault("deferred_quiet_hours", 0L),
                counters.getOrDefault("coupons_issued", 0L));
        System.out.printf(
                Locale.ROOT,
                "skipped %d: no consent %d, no address %d, frequency cap %d%n",
                counters.getOrDefault("skipped", 0L),
                counters.getOrDefault("skipped_no_consent", 0L),
                counters.getOrDefault("skipped_no_address", 0L),
                counters.getOrDefault("skipped_frequency_cap", 0L));
        Map<String, Long> other = store.counters("post-purchase").getOrDefault(1, Map.of());
        System.out.printf(
                Locale.ROOT,
                "competing post-purchase journey: entered %d, sent %d, skipped by the frequency cap %d%n",
                other.getOrDefault("entered_treatment", 0L),
                other.getOrDefault("sent", 0L),
                other.getOrDefault("skipped_frequency_cap", 0L));
        System.out.printf(
                Locale.ROOT,
                "conversion within 72 h: treatment %.2f%%, holdout %.2f%%; uplift %+.2f pp (95%% CI %+.2f to %+.2f); "
                        + "injected orders %d%n",
                uplift.treatedRate() * 100,
                uplift.holdoutRate() * 100,
                uplift.uplift() * 100,
                uplift.low() * 100,
                uplift.high() * 100,
                injected[0]);
        System.out.printf(
                Locale.ROOT,
                "checks: %d violations of caps, quiet hours, consent or holdout%s; %.1f s%n",
                violations.size(),
                violations.isEmpty() ? "" : " e.g. " + violations.subList(0, Math.min(3, violations.size())),
                (System.nanoTime() - started) / 1e9);
        if (!violations.isEmpty()) {
            System.exit(1);
        }
    }

    private static void addContact(
            SplittableRandom random,
            Map<String, String> traits,
            Map<Channel, Boolean> consent,
            Channel channel,
            String address,
            double hasAddress,
            double consents) {
        if (random.nextDouble() < hasAddress) {
            traits.put(channel.addressTrait(), address);
            consent.put(channel, random.nextDouble() < consents);
        }
    }

    private static String person(Map<String, String> personOf, ObjectNode event) {
        if (event.hasNonNull("userId")) {
            String p = personOf.get("user_id:" + event.get("userId").asText());
            if (p != null) {
                return p;
            }
        }
        return event.hasNonNull("anonymousId")
                ? personOf.get("anonymous_id:" + event.get("anonymousId").asText())
                : null;
    }

    private static String personFromAddress(Map<String, Customer> directory, OutboundMessage message) {
        String[] parts = message.idempotencyKey().split("~");
        return parts[1];
    }

    private static void moveTo(MovableClock clock, Instant at) {
        if (at.isAfter(clock.instant())) {
            clock.advance(Duration.between(clock.instant(), at));
        }
    }
}
