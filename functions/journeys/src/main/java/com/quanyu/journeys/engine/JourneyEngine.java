package com.quanyu.journeys.engine;

import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.journeys.definition.DefinitionParser;
import com.quanyu.journeys.definition.JourneyDefinition;
import com.quanyu.journeys.definition.JourneyDefinition.Step;
import com.quanyu.journeys.engine.Enrollment.Status;
import com.quanyu.shared.log.JsonLogger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs journeys: enters customers on events, moves enrolments through their steps, sends through
 * the channels within consent, suppression, frequency caps and quiet hours, and counts everything.
 *
 * <p>Exactly once: an enrolment changes only with an optimistic lock, and every send or coupon
 * first claims its step key ({@link #stepKey}) with a conditional write; a redelivered event, a
 * retried sweep or two workers racing find the claim and do not act again. A transient channel
 * fault leaves the claim reopenable and the step retries later. The one ambiguous case, a crash
 * between the claim and the platform's answer, is resolved as "sent" (at most once), and LINE gets
 * the key as its retry key.
 */
public final class JourneyEngine {
    private static final JsonLogger LOG = JsonLogger.of(JourneyEngine.class);
    private static final int MAX_SEEN_EVENTS = 40;
    private static final Duration DEFINITION_CACHE = Duration.ofSeconds(30);
    private static final Duration MESSENGER_WINDOW = Duration.ofHours(24);

    private final JourneyStore store;
    private final Ports.Customers customers;
    private final Ports.Coupons coupons;
    private final Map<Channel, ChannelSender> senders;
    private final SendingLimits limits;
    private final Links links;
    private final Clock clock;
    private final Map<String, JourneyDefinition> versions = new ConcurrentHashMap<>();
    private volatile List<JourneyDefinition> active = List.of();
    private volatile boolean anyDefined;
    private volatile Instant activeLoadedAt = Instant.MIN;

    public JourneyEngine(
            JourneyStore store,
            Ports.Customers customers,
            Ports.Coupons coupons,
            Map<Channel, ChannelSender> senders,
            SendingLimits limits,
            Links links,
            Clock clock) {
        this.store = store;
        this.customers = customers;
        this.coupons = coupons;
        this.senders = new EnumMap<>(
                senders.isEmpty() ? Map.of(Channel.EMAIL, m -> SendResult.failed("no channel configured")) : senders);
        this.limits = limits;
        this.links = links;
        this.clock = clock;
    }

    /** The idempotency key of one step of one entry of one customer into one journey. */
    public static String stepKey(String journeyId, String profileId, int sequence, String stepId) {
        return journeyId + "~" + profileId + "~" + sequence + "~" + stepId;
    }

    /** Handles one customer event: goals, awaited events, cancelled entries, new entries. Safe to repeat. */
    public void onEvent(JourneyEvent event) {
        List<JourneyDefinition> entries = activeDefinitions();
        if (!anyDefined) {
            return;
        }
        List<Enrollment> existing = store.enrollments(event.profileId());
        for (Enrollment enrollment : existing) {
            applyEvent(enrollment, event);
        }
        for (JourneyDefinition definition : entries) {
            if (definition.entry() instanceof JourneyDefinition.EventEntry entry
                    && entry.event().equals(event.name())) {
                Optional<Enrollment> previous = existing.stream()
                        .filter(e -> e.journeyId().equals(definition.id()))
                        .findFirst();
                Optional<Enrollment> entered =
                        enter(definition, event.profileId(), event.at(), entry.unlessWithin(), previous);
                if (entered.isPresent() && entry.unlessEvent().isEmpty()) {
                    wake(entered.get());
                }
            }
        }
    }

    /** Runs every enrolment due by now (waits over, deferred sends, pending entries); returns how many. */
    public int sweep(int limit) {
        int handled = 0;
        for (Map.Entry<String, String> due : store.due(clock.instant(), limit)) {
            Optional<Enrollment> enrollment = store.enrollment(due.getKey(), due.getValue());
            if (enrollment.isPresent()
                    && enrollment.get().dueAt() != null
                    && !enrollment.get().dueAt().isAfter(clock.instant())) {
                try {
                    wake(enrollment.get());
                    handled++;
                } catch (RuntimeException e) {
                    LOG.error(
                            "enrolment failed; the next sweep retries it",
                            e,
                            "journey",
                            due.getValue(),
                            "profile",
                            due.getKey());
                }
            }
        }
        return handled;
    }

    /** The parsed definition of a version (cached: versions never change). */
    public JourneyDefinition definition(String journeyId, int version) {
        return versions.computeIfAbsent(
                journeyId + "#" + version,
                k -> store.definition(journeyId, version)
                        .map(d -> DefinitionParser.parse(journeyId, version, d.json()))
                        .orElseThrow(() ->
                                new IllegalStateException("journey " + journeyId + " v" + version + " is missing")));
    }

    private List<JourneyDefinition> activeDefinitions() {
        Instant now = clock.instant();
        if (Duration.between(activeLoadedAt, now).compareTo(DEFINITION_CACHE) > 0 || now.isBefore(activeLoadedAt)) {
            List<JourneyDefinition> loaded = new ArrayList<>();
            List<JourneyStore.StoredDefinition> latest = store.latestDefinitions();
            latest.stream()
                    .filter(JourneyStore.StoredDefinition::active)
                    .forEach(d -> loaded.add(definition(d.journeyId(), d.version())));
            anyDefined = !latest.isEmpty();
            active = loaded;
            activeLoadedAt = now;
        }
        return active;
    }

    /** Forgets cached active definitions (after a new version is stored). */
    public void refreshDefinitions() {
        activeLoadedAt = Instant.MIN;
    }

    /**
     * Enters a member of an audience (audience and schedule entries) at {@code at}, the refresh or
     * firing that put them in: a pending enrolment due at once, which the sweep runs. Once per
     * customer per occurrence: repeating it for the same {@code at} enters nobody again.
     */
    boolean enterAt(JourneyDefinition definition, String profileId, Instant at) {
        return enter(definition, profileId, at, Duration.ZERO, store.enrollment(profileId, definition.id()))
                .isPresent();
    }

    /** Stores a pending entry decided {@code decideAfter} after {@code at}; empty when the customer may not enter (again) now. */
    private Optional<Enrollment> enter(
            JourneyDefinition definition,
            String profileId,
            Instant at,
            Duration decideAfter,
            Optional<Enrollment> previous) {
        if (previous.isPresent()) {
            Enrollment p = previous.get();
            if (p.status().open()
                    || p.triggeredAt().equals(at)
                    || at.isBefore(p.triggeredAt().plus(definition.reentryAfter()))) {
                return Optional.empty();
            }
        }
        int sequence = previous.map(p -> p.sequence() + 1).orElse(1);
        Enrollment pending = new Enrollment(
                profileId,
                definition.id(),
                definition.version(),
                sequence,
                Status.PENDING,
                false,
                at,
                null,
                0,
                at.plus(decideAfter),
                null,
                Set.of(),
                Map.of(),
                false,
                0);
        if (!store.putEnrollment(pending, previous.map(Enrollment::revision).orElse(0L))) {
            return Optional.empty();
        }
        store.count(definition.id(), definition.version(), "triggered", 1);
        return Optional.of(
                pending.withRevision(previous.map(Enrollment::revision).orElse(0L) + 1));
    }

    private void applyEvent(Enrollment start, JourneyEvent event) {
        Enrollment current = start;
        for (int attempt = 0; attempt < 5; attempt++) {
            JourneyDefinition definition = definition(current.journeyId(), current.version());
            Enrollment next;
            boolean advance = false;
            boolean newlyConverted = false;
            if (current.status() == Status.PENDING) {
                if (!(definition.entry() instanceof JourneyDefinition.EventEntry entry)
                        || entry.unlessEvent().filter(event.name()::equals).isEmpty()
                        || event.at().isBefore(current.triggeredAt())
                        || event.at().isAfter(current.triggeredAt().plus(entry.unlessWithin()))) {
                    return;
                }
                next = current.with(Status.CANCELLED, 0, null, null);
            } else if (current.status() == Status.CANCELLED
                    || current.enteredAt() == null
                    || event.at().isBefore(current.enteredAt())) {
                return;
            } else {
                boolean inWindow = !event.at()
                        .isAfter(current.enteredAt().plus(definition.goal().within()));
                if (!inWindow && current.status() == Status.DONE) {
                    return;
                }
                newlyConverted = !current.converted()
                        && inWindow
                        && definition.goal().event().equals(event.name());
                Set<String> seen = new LinkedHashSet<>(current.seenEvents());
                if (seen.size() < MAX_SEEN_EVENTS) {
                    seen.add(event.name());
                }
                if (seen.equals(current.seenEvents())
                        && !newlyConverted
                        && !(current.status() == Status.ACTIVE && event.name().equals(current.waitingEvent()))) {
                    return;
                }
                next = current.seen(seen, current.converted() || newlyConverted);
                if (current.status() == Status.ACTIVE && !current.holdout() && newlyConverted) {
                    next = next.with(Status.DONE, next.stepIndex(), null, null);
                } else if (current.status() == Status.ACTIVE
                        && !current.holdout()
                        && event.name().equals(current.waitingEvent())) {
                    var wait = (JourneyDefinition.Wait) definition.steps().get(current.stepIndex());
                    int to = wait.onEvent().map(definition::indexOf).orElse(current.stepIndex() + 1);
                    next = next.with(Status.ACTIVE, to, null, null);
                    advance = true;
                }
            }
            if (store.putEnrollment(next, current.revision())) {
                Enrollment stored = next.withRevision(current.revision() + 1);
                if (next.status() == Status.CANCELLED) {
                    store.count(definition.id(), definition.version(), "cancelled_by_" + slug(event.name()), 1);
                }
                if (newlyConverted) {
                    store.count(
                            definition.id(),
                            definition.version(),
                            current.holdout() ? "converted_holdout" : "converted_treatment",
                            1);
                }
                if (advance) {
                    advance(stored, definition);
                }
                return;
            }
            Optional<Enrollment> reloaded = store.enrollment(current.profileId(), current.journeyId());
            if (reloaded.isEmpty() || reloaded.get().sequence() != current.sequence()) {
                return;
            }
            current = reloaded.get();
        }
        throw new IllegalStateException(
                "enrolment " + current.journeyId() + "/" + current.profileId() + " kept changing");
    }

    private void wake(Enrollment enrollment) {
        JourneyDefinition definition = definition(enrollment.journeyId(), enrollment.version());
        Instant now = clock.instant();
        switch (enrollment.status()) {
            case PENDING -> {
                boolean heldOut = bucket(definition.id() + "|" + enrollment.profileId()) < definition.holdoutPercent();
                Enrollment entered = enrollment.entered(enrollment.dueAt(), heldOut);
                if (heldOut) {
                    // Held out: no steps; looked at again when the goal window closes.
                    entered = entered.with(
                            Status.ACTIVE,
                            0,
                            entered.enteredAt().plus(definition.goal().within()),
                            null);
                }
                if (!store.putEnrollment(entered, enrollment.revision())) {
                    return;
                }
                store.count(
                        definition.id(), definition.version(), heldOut ? "entered_holdout" : "entered_treatment", 1);
                if (!heldOut) {
                    advance(entered.withRevision(enrollment.revision() + 1), definition);
                }
            }
            case ACTIVE -> {
                if (enrollment.holdout()) {
                    store.putEnrollment(enrollment.with(Status.DONE, 0, null, null), enrollment.revision());
                } else if (enrollment.dueAt() == null || !enrollment.dueAt().isAfter(now)) {
                    advance(enrollment, definition);
                }
            }
            default -> {}
        }
    }

    /** Runs steps from the enrolment's current one until a wait, a deferral or the end; saves once. */
    private void advance(Enrollment start, JourneyDefinition definition) {
        Enrollment current = start;
        Instant now = clock.instant();
        Customer customer = null;
        for (int guard = 0; guard < 200; guard++) {
            if (current.stepIndex() >= definition.steps().size()) {
                current = current.with(Status.DONE, current.stepIndex(), null, null);
                break;
            }
            Step step = definition.steps().get(current.stepIndex());
            int next = current.stepIndex() + 1;
            if (step instanceof JourneyDefinition.Exit) {
                current = current.with(Status.DONE, current.stepIndex(), null, null);
                break;
            }
            if (step instanceof JourneyDefinition.Wait wait) {
                if (current.dueAt() == null) {
                    if (customer == null) {
                        customer = customers.find(current.profileId()).orElse(null);
                    }
                    current = current.with(
                            Status.ACTIVE,
                            current.stepIndex(),
                            waitEnd(wait, now, customer),
                            wait.event().orElse(null));
                    break;
                }
                if (current.dueAt().isAfter(now)) {
                    break;
                }
                current = current.with(Status.ACTIVE, next, null, null);
                continue;
            }
            if (customer == null) {
                customer = customers.find(current.profileId()).orElse(null);
            }
            switch (step) {
                case JourneyDefinition.Branch branch ->
                    current = current.with(
                            Status.ACTIVE,
                            definition.indexOf(
                                    holds(branch.condition(), current, customer, branch.id())
                                            ? branch.then()
                                            : branch.otherwise()),
                            null,
                            null);
                case JourneyDefinition.SetTrait set -> {
                    Map<String, String> vars = new HashMap<>(current.vars());
                    vars.put(set.name(), set.value());
                    current = current.withVars(vars).with(Status.ACTIVE, next, null, null);
                }
                case JourneyDefinition.IssueCoupon coupon -> {
                    Map<String, String> vars = new HashMap<>(current.vars());
                    vars.put("coupon", issueCoupon(definition, current, coupon));
                    current = current.withVars(vars).with(Status.ACTIVE, next, null, null);
                }
                case JourneyDefinition.Send send -> {
                    Optional<Instant> deferUntil = send(definition, current, send, customer, now);
                    if (deferUntil.isPresent()) {
                        current = current.with(Status.ACTIVE, current.stepIndex(), deferUntil.get(), null);
                    } else {
                        current = current.with(Status.ACTIVE, next, null, null);
                        continue;
                    }
                }
                default -> throw new IllegalStateException("unhandled step " + step);
            }
            if (current.dueAt() != null) {
                break;
            }
        }
        if (!store.putEnrollment(current, start.revision())) {
            LOG.info(
                    "enrolment moved on concurrently; its steps are claimed, nothing sent twice",
                    "journey",
                    current.journeyId(),
                    "profile",
                    current.profileId());
        } else if (current.status() == Status.DONE && start.status() != Status.DONE) {
            store.count(definition.id(), definition.version(), "completed", 1);
        }
    }

    private String issueCoupon(
            JourneyDefinition definition, Enrollment enrollment, JourneyDefinition.IssueCoupon step) {
        String key = stepKey(definition.id(), enrollment.profileId(), enrollment.sequence(), step.id());
        if (store.claimStep(key, clock.instant())) {
            Optional<String> code = coupons.issue(step.campaignId(), enrollment.profileId());
            store.finishStep(new JourneyStore.StepRecord(
                    key, code.isPresent() ? "issued" : "failed", null, code.orElse(""), clock.instant()));
            store.count(
                    definition.id(),
                    definition.version(),
                    code.isPresent() ? "coupons_issued" : "coupons_unavailable",
                    1);
            return code.orElse("");
        }
        return store.step(key).map(JourneyStore.StepRecord::detail).orElse("");
    }

    /** Sends (or skips) one send step; a present result means "try again at that time". */
    private Optional<Instant> send(
            JourneyDefinition definition,
            Enrollment enrollment,
            JourneyDefinition.Send step,
            Customer customer,
            Instant now) {
        String key = stepKey(definition.id(), enrollment.profileId(), enrollment.sequence(), step.id());
        Optional<JourneyStore.StepRecord> previous = store.step(key);
        if (previous.isPresent() && !"retry".equals(previous.get().outcome())) {
            store.count(definition.id(), definition.version(), "duplicate_suppressed", 1);
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        Channel chosen = null;
        Optional<String> tag = Optional.empty();
        for (String name : step.channels()) {
            Channel channel = Channel.of(name).orElseThrow();
            Optional<String> address = customer == null ? Optional.empty() : customer.address(channel);
            if (address.isEmpty()) {
                reasons.add(name + ": no address");
            } else if (!customer.consents(channel)) {
                reasons.add(name + ": no consent");
            } else if (store.suppressed(channel.wireName(), hash(address.get()))) {
                reasons.add(name + ": suppressed");
            } else if (!senders.containsKey(channel) || !senders.get(channel).configured()) {
                reasons.add(name + ": channel not configured");
            } else if (channel == Channel.MESSENGER
                    && !insideMessengerWindow(customer, now)
                    && step.messengerTag().isEmpty()) {
                reasons.add(name + ": outside Messenger's 24-hour window and no message tag");
            } else {
                chosen = channel;
                tag = channel == Channel.MESSENGER && !insideMessengerWindow(customer, now)
                        ? step.messengerTag()
                        : Optional.empty();
                break;
            }
        }
        if (chosen == null) {
            if (store.claimStep(key, now)) {
                store.finishStep(new JourneyStore.StepRecord(key, "skipped", null, String.join("; ", reasons), now));
                store.count(definition.id(), definition.version(), "skipped", 1);
                reasons.forEach(r -> store.count(
                        definition.id(), definition.version(), "skipped_" + slug(r.substring(r.indexOf(':') + 2)), 1));
            }
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(customer.zone());
        if (limits.quiet(local.toLocalTime())) {
            store.count(definition.id(), definition.version(), "deferred_quiet_hours", 1);
            return Optional.of(nextLocal(local, limits.quietEnd()));
        }
        boolean reserved = previous.map(p -> "reserved".equals(p.detail())).orElse(false);
        if (!store.claimStep(key, now)) {
            store.count(definition.id(), definition.version(), "duplicate_suppressed", 1);
            return Optional.empty();
        }
        if (!reserved && !store.reserveFrequency(enrollment.profileId(), now, limits.perDay(), limits.perWeek())) {
            store.finishStep(new JourneyStore.StepRecord(key, "skipped", chosen.wireName(), "frequency cap", now));
            store.count(definition.id(), definition.version(), "skipped", 1);
            store.count(definition.id(), definition.version(), "skipped_frequency_cap", 1);
            return Optional.empty();
        }
        OutboundMessage message = render(definition, enrollment, step, customer, chosen, key, tag);
        SendResult result = senders.get(chosen).send(message);
        switch (result.outcome()) {
            case SENT -> {
                store.finishStep(
                        new JourneyStore.StepRecord(key, "sent", chosen.wireName(), result.providerMessageId(), now));
                store.count(definition.id(), definition.version(), "sent", 1);
                store.count(definition.id(), definition.version(), "sent_" + chosen.wireName(), 1);
                LOG.info(
                        "journey message sent",
                        "journey",
                        definition.id(),
                        "step",
                        step.id(),
                        "channel",
                        chosen.wireName());
                return Optional.empty();
            }
            case FAILED -> {
                store.finishStep(new JourneyStore.StepRecord(key, "failed", chosen.wireName(), result.reason(), now));
                store.count(definition.id(), definition.version(), "failed", 1);
                store.count(definition.id(), definition.version(), "failed_" + chosen.wireName(), 1);
                LOG.info(
                        "journey message refused",
                        "journey",
                        definition.id(),
                        "channel",
                        chosen.wireName(),
                        "reason",
                        result.reason());
                return Optional.empty();
            }
            default -> {
                store.finishStep(new JourneyStore.StepRecord(key, "retry", chosen.wireName(), "reserved", now));
                store.count(definition.id(), definition.version(), "retried", 1);
                LOG.info(
                        "journey message will be retried",
                        "journey",
                        definition.id(),
                        "channel",
                        chosen.wireName(),
                        "reason",
                        result.reason());
                return Optional.of(now.plus(limits.retryAfter()));
            }
        }
    }

    private OutboundMessage render(
            JourneyDefinition definition,
            Enrollment enrollment,
            JourneyDefinition.Send step,
            Customer customer,
            Channel channel,
            String key,
            Optional<String> tag) {
        Links.Target target = new Links.Target(
                definition.id(),
                definition.version(),
                enrollment.profileId(),
                enrollment.sequence(),
                step.id(),
                channel);
        Map<String, String> variables = new HashMap<>(customer.traits());
        variables.putAll(enrollment.vars());
        variables.putIfAbsent("name", customer.traits().getOrDefault("first_name", ""));
        step.link().ifPresent(l -> variables.put("link", links.click(target)));
        String unsubscribe = links.unsubscribe(target);
        variables.put("unsubscribe", unsubscribe);
        JourneyDefinition.MessageTemplate template = Templates.pick(step.templates(), customer.language());
        boolean chinese = template == step.templates().get("zh-CN");
        String body = Templates.render(template.body(), variables);
        if (!template.body().contains("{{unsubscribe}}")) {
            body += switch (channel) {
                case SMS -> chinese ? " 回复退订" : " Reply STOP to opt out";
                case EMAIL -> "\n\n" + (chinese ? "退订: " : "Unsubscribe: ") + unsubscribe;
                default -> "\n" + (chinese ? "回复“退订”不再接收 " : "Reply STOP to opt out ") + unsubscribe;
            };
        }
        return new OutboundMessage(
                channel,
                customer.address(channel).orElseThrow(),
                Templates.render(template.subject(), variables),
                body,
                key,
                tag,
                Map.of("journey", definition.id(), "version", Integer.toString(definition.version())));
    }

    private boolean holds(
            JourneyDefinition.Condition condition, Enrollment enrollment, Customer customer, String stepId) {
        return switch (condition) {
            case JourneyDefinition.EventCondition c -> enrollment.seenEvents().contains(c.event());
            case JourneyDefinition.TraitCondition c ->
                c.equalsValue()
                        .equals(enrollment
                                .vars()
                                .getOrDefault(
                                        c.name(),
                                        customer == null
                                                ? null
                                                : customer.traits().get(c.name())));
            case JourneyDefinition.ScoreCondition c ->
                customer != null && customer.scores().getOrDefault(c.name(), Double.NEGATIVE_INFINITY) >= c.atLeast();
            case JourneyDefinition.SegmentCondition c ->
                customer != null
                        && customer.segment().filter(c.segment()::equals).isPresent();
            case JourneyDefinition.RandomSplit c ->
                bucket(enrollment.journeyId() + "|" + stepId + "|" + enrollment.profileId() + "|"
                                + enrollment.sequence())
                        < c.percent();
        };
    }

    private Instant waitEnd(JourneyDefinition.Wait wait, Instant now, Customer customer) {
        if (wait.duration().isPresent()) {
            return now.plus(wait.duration().get());
        }
        ZonedDateTime local = now.atZone(customer == null ? java.time.ZoneOffset.UTC : customer.zone());
        return nextLocal(local, wait.untilLocalTime().orElseThrow());
    }

    private static Instant nextLocal(ZonedDateTime local, LocalTime time) {
        ZonedDateTime candidate = local.with(time).withSecond(0).withNano(0);
        return (candidate.isAfter(local) ? candidate : candidate.plusDays(1)).toInstant();
    }

    private static boolean insideMessengerWindow(Customer customer, Instant now) {
        Instant last = customer.lastInbound().get(Channel.MESSENGER);
        return last != null && !last.plus(MESSENGER_WINDOW).isBefore(now);
    }

    /** A stable 0-99 bucket of a string (holdout, random splits). */
    static int bucket(String value) {
        byte[] digest = sha256(value);
        return (int) (Integer.toUnsignedLong(((digest[0] & 0xff) << 24)
                        | ((digest[1] & 0xff) << 16)
                        | ((digest[2] & 0xff) << 8)
                        | (digest[3] & 0xff))
                % 100);
    }

    /** SHA-256 hex of a normalised address: suppression lists never hold addresses in the clear. */
    public static String hash(String address) {
        return java.util.HexFormat.of().formatHex(sha256(address.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}
