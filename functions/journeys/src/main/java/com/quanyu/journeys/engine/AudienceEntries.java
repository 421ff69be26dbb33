package com.quanyu.journeys.engine;

import com.quanyu.journeys.definition.JourneyDefinition;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Enters customers into journeys whose entry is an audience or a schedule, on each sweep:
 * <ul>
 *   <li>audience entry: the joiners of every refresh of the audience completed since the journey's
 *       entry cursor (the campaigns module records who joined at each refresh), entered at the
 *       refresh's time;</li>
 *   <li>schedule entry: when the schedule fired since the cursor (a cron in the brand's time
 *       zone, a rate counted from the version's creation), every current member of the audience,
 *       entered at the firing time; after an outage only the latest missed firing runs, once.</li>
 * </ul>
 * The cursor moves (a conditional write) only after every customer of that occurrence is entered,
 * and entering is idempotent per customer and occurrence ({@link JourneyEngine#enterAt}), so a
 * sweep that fails or times out half-way is simply run again. Nothing before the journey's
 * current version was created enters it.
 */
public final class AudienceEntries {
    private static final JsonLogger LOG = JsonLogger.of(AudienceEntries.class);

    private final JourneyStore store;
    private final JourneyEngine engine;
    private final Ports.Audiences audiences;
    private final ZoneId brandZone;
    private final Clock clock;

    public AudienceEntries(
            JourneyStore store, JourneyEngine engine, Ports.Audiences audiences, ZoneId brandZone, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.audiences = audiences;
        this.brandZone = brandZone;
        this.clock = clock;
    }

    /** Enters everyone due to enter now; returns how many new enrolments it made (also when a journey then failed). */
    public int run() {
        AtomicInteger entered = new AtomicInteger();
        for (JourneyStore.StoredDefinition stored : store.latestDefinitions()) {
            if (!stored.active()) {
                continue;
            }
            try {
                JourneyDefinition definition = engine.definition(stored.journeyId(), stored.version());
                switch (definition.entry()) {
                    case JourneyDefinition.AudienceEntry entry ->
                        joiners(definition, entry, stored.createdAt(), entered);
                    case JourneyDefinition.ScheduleEntry entry ->
                        scheduled(definition, entry, stored.createdAt(), entered);
                    case JourneyDefinition.EventEntry ignored -> {}
                }
            } catch (RuntimeException e) {
                LOG.error("journey entries failed; the next sweep retries them", e, "journey", stored.journeyId());
            }
        }
        return entered.get();
    }

    private void joiners(
            JourneyDefinition definition,
            JourneyDefinition.AudienceEntry entry,
            Instant createdAt,
            AtomicInteger entered) {
        Optional<Instant> cursor = store.entryCursor(definition.id());
        for (Instant refresh : audiences.refreshesAfter(entry.audienceId(), later(cursor, createdAt))) {
            enterAll(definition, refresh, sink -> audiences.forEachJoiner(entry.audienceId(), refresh, sink), entered);
            if (!store.moveEntryCursor(definition.id(), cursor, refresh)) {
                break; // another sweep moved on; it enters the rest
            }
            cursor = Optional.of(refresh);
        }
    }

    private void scheduled(
            JourneyDefinition definition,
            JourneyDefinition.ScheduleEntry entry,
            Instant createdAt,
            AtomicInteger entered) {
        Optional<Instant> cursor = store.entryCursor(definition.id());
        Optional<Instant> firing =
                entry.schedule().latestFiring(later(cursor, createdAt), clock.instant(), createdAt, brandZone);
        if (firing.isPresent()) {
            enterAll(definition, firing.get(), sink -> audiences.forEachMember(entry.audienceId(), sink), entered);
            store.moveEntryCursor(definition.id(), cursor, firing.get());
        }
    }

    private void enterAll(
            JourneyDefinition definition, Instant at, Consumer<Consumer<String>> members, AtomicInteger total) {
        AtomicInteger entered = new AtomicInteger();
        members.accept(profileId -> {
            if (engine.enterAt(definition, profileId, at)) {
                entered.incrementAndGet();
            }
        });
        total.addAndGet(entered.get());
        if (entered.get() > 0) {
            LOG.info(
                    "audience entered a journey",
                    "journey",
                    definition.id(),
                    "occurrence",
                    at.toString(),
                    "entered",
                    entered.get());
        }
    }

    private static Instant later(Optional<Instant> cursor, Instant createdAt) {
        return cursor.filter(c -> c.isAfter(createdAt)).orElse(createdAt);
    }
}
