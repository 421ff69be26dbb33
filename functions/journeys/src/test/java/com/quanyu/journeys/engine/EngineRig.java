package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine over the in-memory store with recording channels and customers kept in a map. */
final class EngineRig {
    final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T02:00:00Z")); // 10:00 in Shanghai
    final InMemoryJourneyStore store = new InMemoryJourneyStore();
    final Map<String, Customer> customers = new ConcurrentHashMap<>();
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    final JourneyEngine engine;

    EngineRig() {
        this(SendingLimits.DEFAULT);
    }

    EngineRig(SendingLimits limits) {
        for (Channel channel : Channel.values()) {
            senders.put(channel, message -> {
                sent.add(message);
                return SendResult.sent("m" + sent.size());
            });
        }
        engine = new JourneyEngine(
                store,
                id -> Optional.ofNullable(customers.get(id)),
                (campaign, profile) -> Optional.of("CODE-" + profile),
                senders,
                limits,
                new Links("https://api.example.com", "secret"),
                clock);
    }

    static JsonNode abandonedCart() {
        try {
            return Json.parse(Files.readString(RepoRoot.find().resolve("events/journeys/abandoned-cart.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void define(JsonNode json) {
        String id = json.get("id").asText();
        int version = store.latestDefinitions().stream()
                        .filter(d -> d.journeyId().equals(id))
                        .mapToInt(d -> d.version())
                        .max()
                        .orElse(0)
                + 1;
        com.quanyu.journeys.definition.DefinitionParser.parse(id, version, json);
        store.putDefinition(id, version, json, clock.instant());
        engine.refreshDefinitions();
    }

    Customer customer(String id, Map<String, String> traits, Channel... consented) {
        Map<Channel, Boolean> consent = new EnumMap<>(Channel.class);
        for (Channel c : consented) {
            consent.put(c, true);
        }
        Customer customer =
                new Customer(id, traits, consent, ZoneId.of("Asia/Shanghai"), Map.of(), Optional.empty(), Map.of());
        customers.put(id, customer);
        return customer;
    }

    void event(String profileId, String name) {
        engine.onEvent(new JourneyEvent(profileId, name, clock.instant(), profileId + name + clock.instant()));
    }

    List<OutboundMessage> sentTo(String address) {
        return sent.stream().filter(m -> m.address().equals(address)).toList();
    }
}
