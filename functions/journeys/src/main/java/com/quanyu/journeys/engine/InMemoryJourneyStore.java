package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link JourneyStore} in memory, with the same conditional semantics (unit tests, the simulation). */
public final class InMemoryJourneyStore implements JourneyStore {
    private final Map<String, StoredDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> inactive = new ConcurrentHashMap<>();
    private final Map<String, Enrollment> enrollments = new HashMap<>();
    private final Map<String, StepRecord> steps = new HashMap<>();
    private final Map<String, List<Instant>> sends = new HashMap<>();
    private final Map<String, String> suppressions = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Map<String, Long>>> counters = new HashMap<>();
    private final Map<String, Instant> entryCursors = new HashMap<>();

    @Override
    public synchronized boolean putDefinition(String journeyId, int version, JsonNode json, Instant at) {
        return definitions.putIfAbsent(
                        journeyId + "#" + version, new StoredDefinition(journeyId, version, json, at, true))
                == null;
    }

    @Override
    public Optional<StoredDefinition> definition(String journeyId, int version) {
        return Optional.ofNullable(definitions.get(journeyId + "#" + version))
                .map(d -> new StoredDefinition(
                        d.journeyId(), d.version(), d.json(), d.createdAt(), !inactive.containsKey(journeyId)));
    }

    @Override
    public synchronized List<StoredDefinition> latestDefinitions() {
        Map<String, StoredDefinition> latest = new TreeMap<>();
        definitions.values().forEach(d -> latest.merge(d.journeyId(), d, (a, b) -> a.version() >= b.version() ? a : b));
        return latest.values().stream()
                .map(d -> definition(d.journeyId(), d.version()).orElseThrow())
                .toList();
    }

    @Override
    public void setActive(String journeyId, boolean active) {
        if (active) {
            inactive.remove(journeyId);
        } else {
            inactive.put(journeyId, true);
        }
    }

    @Override
    public synchronized Optional<Enrollment> enrollment(String profileId, String journeyId) {
        return Optional.ofNullable(enrollments.get(profileId + "#" + journeyId));
    }

    @Override
    public synchronized List<Enrollment> enrollments(String profileId) {
        return enrollments.values().stream()
                .filter(e -> e.profileId().equals(profileId))
                .toList();
    }

    @Override
    public synchronized boolean putEnrollment(Enrollment e, long expected) {
        String key = e.profileId() + "#" + e.journeyId();
        long stored = Optional.ofNullable(enrollments.get(key))
                .map(Enrollment::revision)
                .orElse(0L);
        if (stored != expected) {
            return false;
        }
        enrollments.put(key, e.withRevision(expected + 1));
        return true;
    }

    @Override
    public synchronized List<Map.Entry<String, String>> due(Instant now, int limit) {
        return enrollments.values().stream()
                .filter(e -> e.dueAt() != null && !e.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Enrollment::dueAt))
                .limit(limit)
                .map(e -> Map.entry(e.profileId(), e.journeyId()))
                .toList();
    }

    @Override
    public synchronized boolean claimStep(String key, Instant at) {
        StepRecord existing = steps.get(key);
        if (existing != null && !"retry".equals(existing.outcome())) {
            return false;
        }
        steps.put(
                key,
                new StepRecord(
                        key,
                        "claimed",
                        existing == null ? null : existing.channel(),
                        existing == null ? null : existing.detail(),
                        at));
        return true;
    }

    @Override
    public synchronized void finishStep(StepRecord record) {
        steps.put(record.key(), record);
    }

    @Override
    public synchronized Optional<StepRecord> step(String key) {
        return Optional.ofNullable(steps.get(key));
    }

    @Override
    public synchronized boolean reserveFrequency(String profileId, Instant at, int perDay, int perWeek) {
        List<Instant> recent = new ArrayList<>(sends.getOrDefault(profileId, List.of()));
        recent.removeIf(t -> t.isBefore(at.minus(Duration.ofDays(7))));
        long day = recent.stream()
                .filter(t -> t.isAfter(at.minus(Duration.ofDays(1))))
                .count();
        if (day >= perDay || recent.size() >= perWeek) {
            return false;
        }
        recent.add(at);
        sends.put(profileId, recent);
        return true;
    }

    @Override
    public boolean suppressed(String channel, String addressHash) {
        return suppressions.containsKey(channel + "#" + addressHash);
    }

    @Override
    public void suppress(String channel, String addressHash, String reason, Instant at) {
        suppressions.put(channel + "#" + addressHash, reason);
    }

    @Override
    public synchronized Optional<Instant> entryCursor(String journeyId) {
        return Optional.ofNullable(entryCursors.get(journeyId));
    }

    @Override
    public synchronized boolean moveEntryCursor(String journeyId, Optional<Instant> expected, Instant to) {
        if (!Optional.ofNullable(entryCursors.get(journeyId)).equals(expected)) {
            return false;
        }
        entryCursors.put(journeyId, to);
        return true;
    }

    @Override
    public synchronized void count(String journeyId, int version, String counter, long delta) {
        counters.computeIfAbsent(journeyId, k -> new TreeMap<>())
                .computeIfAbsent(version, k -> new TreeMap<>())
                .merge(counter, delta, Long::sum);
    }

    @Override
    public synchronized Map<Integer, Map<String, Long>> counters(String journeyId) {
        Map<Integer, Map<String, Long>> copy = new TreeMap<>();
        counters.getOrDefault(journeyId, Map.of()).forEach((v, m) -> copy.put(v, new TreeMap<>(m)));
        return copy;
    }
}
