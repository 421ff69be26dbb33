package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.risk.OrderRiskScorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ingestion pipeline every producer of customer events uses (the ingest API, the POS import, the
 * chatbot, campaigns): dedupe by (source, messageId), identity stitching, profile update, order
 * record with risk assessment, and the lake archive.
 *
 * <p>Exactly-once effects without transactions: each event is claimed in the dedupe table with a
 * lease; its effects are each idempotent (the profile remembers applied message keys in the same
 * conditional write that changes its counters; an order is created once per order id); the lake
 * is written once per call for all events; only then are the claims marked done. Any failure
 * releases the claims and throws, so the caller answers "retry" and a retry completes the rest.
 *
 * <pre>{@code
 * EventPipeline pipeline = CustomerStores.fromEnv(env).pipeline(riskScorer);
 * IngestReport report = pipeline.ingest(Source.of("chatbot-wechat", "wechat"), List.of(eventJson));
 * }</pre>
 */
public final class EventPipeline {
    private static final JsonLogger LOG = JsonLogger.of(EventPipeline.class);
    /** Name prefix of the threads that process events. */
    public static final String LANE_THREAD_PREFIX = "quanyu-ingest-lane-";

    private final ProfileRepository profiles;
    private final OrderStore orders;
    private final IdempotencyStore dedupe;
    private final EventLake lake;
    private final OrderRiskScorer riskScorer;
    private final Clock clock;
    private final Duration lease;
    private final Duration dedupeWindow;
    private final int parallelism;
    private final EventParser parser;
    private final IdentityRules rules;
    private final IdentityStitcher stitcher;
    private final OrderRecorder orderRecorder;
    /** Platform threads (not virtual) so that CPU time per lane can be measured by the ingest benchmark. */
    private static final ExecutorService LANES = Executors.newCachedThreadPool(new LaneThreads());

    private EventPipeline(Builder b) {
        this.profiles = Objects.requireNonNull(b.profiles, "profiles");
        this.orders = Objects.requireNonNull(b.orders, "orders");
        this.dedupe = Objects.requireNonNull(b.dedupe, "dedupe");
        this.lake = Objects.requireNonNull(b.lake, "lake");
        this.riskScorer = b.riskScorer;
        this.clock = b.clock;
        this.lease = b.lease;
        this.dedupeWindow = b.dedupeWindow;
        this.parallelism = b.parallelism;
        this.parser = new EventParser(b.rules, b.defaultCurrency);
        this.rules = b.rules;
        this.stitcher = new IdentityStitcher(profiles, b.rules, clock);
        this.orderRecorder = new OrderRecorder(orders, riskScorer);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parser this pipeline validates with (for callers that validate a whole request first). */
    public EventParser parser() {
        return parser;
    }

    /**
     * Validates and processes events of one source, received now.
     *
     * @throws InvalidEventException when an event breaks the contract (nothing is processed then)
     * @throws IngestUnavailableException or a storage exception when processing failed: retry all events
     */
    public IngestReport ingest(Source source, List<? extends JsonNode> events) {
        Instant receivedAt = clock.instant();
        List<CustomerEvent> parsed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            parsed.add(parser.parse(
                    events.get(i), source, null, receivedAt, null, events.size() == 1 ? "" : "[" + i + "]"));
        }
        return process(source, parsed);
    }

    /** Processes validated events; see the class comment for the guarantees. */
    public IngestReport process(Source source, List<CustomerEvent> events) {
        return run(events, i -> source, null, profiles, stitcher);
    }

    /**
     * Folds a batch that a durable, ordered buffer delivered (a Kinesis shard), of any sources, into
     * profiles. The buffer's consumer handles each partition key in one place at a time and a retried
     * message keeps its partition key, so no lease is claimed per event: the done marks are read for
     * the whole batch at once, and so are the identity links and profiles the batch needs. Every
     * effect stays idempotent as in {@link #process}, so a batch that fails part-way (and is delivered
     * again) applies nothing twice.
     *
     * @throws IngestUnavailableException or a storage exception: deliver the same batch again
     */
    public IngestReport fold(List<BufferedEvent> batch) {
        List<CustomerEvent> events = batch.stream().map(BufferedEvent::event).toList();
        java.util.Set<String> done =
                dedupe.doneAmong(events.stream().map(CustomerEvent::messageKey).toList());
        BatchReadCache cache = BatchReadCache.prefetch(
                profiles,
                events.stream()
                        .filter(e -> !done.contains(e.messageKey()))
                        .flatMap(e -> e.identifiers().stream())
                        .toList());
        return run(events, i -> batch.get(i).source(), done, cache, new IdentityStitcher(cache, rules, clock));
    }

    /**
     * The pipeline over {@code repository}; {@code done} null: claim each event with a lease, else the
     * keys already done (the others are this call's without a lease).
     */
    private IngestReport run(
            List<CustomerEvent> events,
            java.util.function.IntFunction<Source> sourceOf,
            java.util.Set<String> done,
            ProfileRepository repository,
            IdentityStitcher stitcher) {
        int n = events.size();
        EventResult[] results = new EventResult[n];
        IdentityStitcher.Resolution[] resolutions = new IdentityStitcher.Resolution[n];
        Map<String, String> claims = new ConcurrentHashMap<>();
        List<ObjectNode> archive = Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!seen.add(events.get(i).messageKey())) {
                results[i] = new EventResult(events.get(i).messageId(), Status.DUPLICATE, null);
            }
        }
        try {
            // 1. claim and resolve; events with the same identifiers share a lane and its resolution
            List<List<Integer>> byIdentity =
                    groups(n, i -> results[i] == null ? events.get(i).identifiers() : null);
            Map<List<Identifier>, IdentityStitcher.Resolution> resolved = new ConcurrentHashMap<>();
            inLanes(byIdentity, i -> {
                CustomerEvent event = events.get(i);
                Status claim = done == null ? claim(event, claims) : adopt(event, done, claims);
                if (claim != null) {
                    results[i] = new EventResult(event.messageId(), claim, null);
                    return;
                }
                // Same identifiers, same lane: no other lane races on this key, so get-then-put is enough.
                IdentityStitcher.Resolution resolution = resolved.get(event.identifiers());
                if (resolution == null) {
                    resolution = stitcher.resolve(
                            event.identifiers(), parser.formerUserId(event).orElse(null));
                    resolved.put(event.identifiers(), resolution);
                }
                if (resolution.suppressed()) {
                    results[i] = new EventResult(event.messageId(), Status.SUPPRESSED, null);
                } else {
                    resolutions[i] = resolution;
                }
            });
            // 2. one conditional write per profile for all its events of this call
            List<List<Integer>> byProfile = groups(n, i -> resolutions[i] == null ? null : resolutions[i].profileId());
            if (repository instanceof BatchReadCache cache) {
                // the new people's tombstones (a DELETE may have come first), in one read instead of one each
                cache.prefetchTombstones(byProfile.stream()
                        .map(g -> resolutions[g.get(0)])
                        .filter(r -> r.snapshot() == null || r.snapshot().version() == 0)
                        .map(IdentityStitcher.Resolution::profileId)
                        .toList());
            }
            inGroups(byProfile, group -> {
                String landed = applyGroup(group, events, resolutions, repository, stitcher);
                for (int i : group) {
                    CustomerEvent event = events.get(i);
                    if (landed == null) {
                        results[i] = new EventResult(event.messageId(), Status.SUPPRESSED, null);
                    } else {
                        archive.add(LakeRecords.enrich(event, sourceOf.apply(i), landed));
                        results[i] = new EventResult(event.messageId(), Status.ACCEPTED, landed);
                    }
                }
            });
            // 3. archive, and only then mark the events done
            if (!archive.isEmpty()) {
                lake.write(List.copyOf(archive));
            }
        } catch (RuntimeException e) {
            if (done == null) {
                releaseAll(claims);
            }
            LOG.warn(
                    "ingestion failed; claims released for retry",
                    "events",
                    n,
                    "error",
                    e.getClass().getSimpleName());
            throw e;
        }
        Instant expires = clock.instant().plus(dedupeWindow);
        dedupe.completeAll(claims, expires);
        return new IngestReport(java.util.Arrays.asList(results));
    }

    /** Claims the event; null when this call owns it now, else why not. */
    private Status claim(CustomerEvent event, Map<String, String> claims) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        switch (dedupe.claim(event.messageKey(), token, now.plus(lease), now.plus(dedupeWindow), now)) {
            case DONE:
                return Status.DUPLICATE;
            case IN_FLIGHT:
                return Status.IN_FLIGHT;
            default:
                claims.put(event.messageKey(), token);
                return null;
        }
    }

    /** For a lease-free fold: null when the event is this call's, DUPLICATE when it is done. */
    private static Status adopt(CustomerEvent event, java.util.Set<String> done, Map<String, String> claims) {
        if (done.contains(event.messageKey())) {
            return Status.DUPLICATE;
        }
        claims.put(event.messageKey(), "");
        return null;
    }

    /**
     * Records the group's orders, then applies all its events to their profile in one conditional
     * write; returns the profile they landed in, or null when that person was forgotten meanwhile.
     */
    private String applyGroup(
            List<Integer> group,
            List<CustomerEvent> events,
            IdentityStitcher.Resolution[] resolutions,
            ProfileRepository profiles,
            IdentityStitcher stitcher) {
        boolean[] countOrder = new boolean[group.size()];
        for (int k = 0; k < group.size(); k++) {
            CustomerEvent event = events.get(group.get(k));
            if (event.order() != null) {
                countOrder[k] = orderRecorder.record(event, resolutions[group.get(k)].snapshot());
            }
        }
        String target = resolutions[group.get(0)].profileId();
        // The freshest profile read during resolution; if it is stale, the conditional write says so.
        Profile current = group.stream()
                .map(i -> resolutions[i].snapshot())
                .max(java.util.Comparator.comparingLong(Profile::version))
                .orElse(null);
        for (int attempt = 0; attempt < 60; attempt++) {
            if (current == null) {
                current = profiles.load(target).orElse(Profile.empty(target));
            }
            // Not stored yet: a new person, or one forgotten while these events were on their way.
            if (current.version() == 0 && profiles.isDeleted(target)) {
                return null;
            }
            if (current.isMerged()) {
                target = stitcher.absorb(current);
                current = null;
                continue;
            }
            Profile next = current;
            Instant now = clock.instant();
            for (int k = 0; k < group.size(); k++) {
                int i = group.get(k);
                if (!next.appliedEvents().containsKey(events.get(i).appliedKey())) {
                    next = ProfileFold.apply(next, events.get(i), resolutions[i].linked(), countOrder[k], now);
                }
            }
            if (next == current || profiles.save(next, current.version())) {
                return target;
            }
            current = null;
            Backoff.pause(attempt);
        }
        throw new IngestUnavailableException("profile " + target + " is too contended; retry");
    }

    /** Indexes grouped by a key (null: skip), in order of first appearance. */
    private static List<List<Integer>> groups(int n, java.util.function.IntFunction<Object> key) {
        Map<Object, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Object k = key.apply(i);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return new ArrayList<>(groups.values());
    }

    /** Runs {@code task} for each index, a whole group per lane in order, groups spread over the lanes. */
    private void inLanes(List<List<Integer>> groups, java.util.function.IntConsumer task) {
        inGroups(groups, group -> group.forEach(task::accept));
    }

    /** Runs {@code task} once per group on up to {@code parallelism} lanes; rethrows the first failure. */
    private void inGroups(List<List<Integer>> groups, java.util.function.Consumer<List<Integer>> task) {
        if (groups.isEmpty()) {
            return;
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        int lanes = Math.min(parallelism, groups.size());
        List<Future<?>> running = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            final int first = lane;
            running.add(LANES.submit(() -> {
                for (int g = first; g < groups.size() && failure.get() == null; g += lanes) {
                    try {
                        task.accept(groups.get(g));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        awaitAll(running, failure);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void releaseAll(Map<String, String> claims) {
        claims.forEach((key, token) -> {
            try {
                dedupe.release(key, token);
            } catch (RuntimeException e) {
                // The lease still expires on its own; a retry after it completes the event.
                LOG.warn("could not release claim", "error", e.getClass().getSimpleName());
            }
        });
    }

    private static void awaitAll(List<Future<?>> running, AtomicReference<RuntimeException> failure) {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new IngestUnavailableException("interrupted"));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IngestUnavailableException("event processing failed", e.getCause()));
            }
        }
    }

    /** Daemon threads named {@code quanyu-ingest-lane-N}, so that an idle pool never holds the JVM up. */
    private static final class LaneThreads implements java.util.concurrent.ThreadFactory {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, LANE_THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Builder of {@link EventPipeline}; the four stores are required. */
    public static final class Builder {
        private ProfileRepository profiles;
        private OrderStore orders;
        private IdempotencyStore dedupe;
        private EventLake lake;
        private OrderRiskScorer riskScorer;
        private IdentityRules rules = IdentityRules.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofSeconds(30);
        private Duration dedupeWindow = Duration.ofHours(48);
        private int parallelism = 8;
        private String defaultCurrency = "CNY";

        private Builder() {}

        public Builder profiles(ProfileRepository profiles) {
            this.profiles = profiles;
            return this;
        }

        public Builder orders(OrderStore orders) {
            this.orders = orders;
            return this;
        }

        public Builder dedupe(IdempotencyStore dedupe) {
            this.dedupe = dedupe;
            return this;
        }

        public Builder lake(EventLake lake) {
            this.lake = lake;
            return this;
        }

        /** Scores orders at ingestion; without one, orders are stored without a risk assessment. */
        public Builder riskScorer(OrderRiskScorer scorer) {
            this.riskScorer = scorer;
            return this;
        }

        public Builder rules(IdentityRules rules) {
            this.rules = Objects.requireNonNull(rules);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How long a claim protects an event in processing (default 30 s, above the API's 29 s timeout).
         * A claim that outlives a crashed or failed attempt delays the retry by at most this long; a
         * takeover while the first attempt still runs is safe, as every effect is idempotent.
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** How long a processed messageId is remembered (at least 24 hours). */
        public Builder dedupeWindow(Duration window) {
            if (window.compareTo(Duration.ofHours(24)) < 0) {
                throw new IllegalArgumentException("the dedupe window must be at least 24 hours");
            }
            this.dedupeWindow = window;
            return this;
        }

        /** Events of one call processed concurrently (storage round trips overlap). */
        public Builder parallelism(int parallelism) {
            this.parallelism = Math.max(1, parallelism);
            return this;
        }

        public Builder defaultCurrency(String currency) {
            this.defaultCurrency = currency;
            return this;
        }

        public EventPipeline build() {
            return new EventPipeline(this);
        }
    }
}
