package com.quanyu.forecast.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The calendar that demand follows: day of week, ISO week of year and dated events (holidays,
 * shopping festivals such as 618 and Double 11, planned promotions) kept as data, so that a new
 * year's official holiday schedule is a file change, not a code change.
 *
 * <p>JSON form: {@code {"events": [{"name": "Double 11", "kind": "festival_peak",
 * "start": "2026-11-11", "end": "2026-11-11"}, ...]}}.
 */
public final class DemandCalendar {
    /** Number of values {@link #eventFlags} returns. */
    public static final int EVENT_FLAGS = CalendarEvent.Kind.values().length;

    private static final String DEFAULT_RESOURCE = "/calendar/china.json";

    private final List<CalendarEvent> events;
    private final Map<LocalDate, Set<CalendarEvent.Kind>> byDay = new HashMap<>();

    private DemandCalendar(List<CalendarEvent> events) {
        this.events = List.copyOf(events);
        for (CalendarEvent event : this.events) {
            for (LocalDate d = event.start(); !d.isAfter(event.end()); d = d.plusDays(1)) {
                byDay.computeIfAbsent(d, k -> EnumSet.noneOf(CalendarEvent.Kind.class))
                        .add(event.kind());
            }
        }
    }

    public static DemandCalendar of(List<CalendarEvent> events) {
        return new DemandCalendar(events);
    }

    /** A calendar without events: day of week and week of year only. */
    public static DemandCalendar empty() {
        return new DemandCalendar(List.of());
    }

    /** Chinese public holidays and the major e-commerce festivals, 2024-2027, bundled with the function. */
    public static DemandCalendar china() {
        try (InputStream in = DemandCalendar.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("calendar resource missing: " + DEFAULT_RESOURCE);
            }
            return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the JSON form.
     *
     * @throws IllegalArgumentException naming the event that is malformed
     */
    public static DemandCalendar fromJson(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("calendar is not valid JSON: " + e.getMessage(), e);
        }
        List<CalendarEvent> events = new ArrayList<>();
        JsonNode list = root.path("events");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            try {
                LocalDate start = LocalDate.parse(e.path("start").asText());
                LocalDate end =
                        e.hasNonNull("end") ? LocalDate.parse(e.path("end").asText()) : start;
                CalendarEvent.Kind kind =
                        CalendarEvent.Kind.valueOf(e.path("kind").asText().toUpperCase(Locale.ROOT));
                events.add(CalendarEvent.of(e.path("name").asText("event " + i), kind, start, end));
            } catch (DateTimeParseException | IllegalArgumentException ex) {
                throw new IllegalArgumentException("calendar event " + i + " is malformed: " + ex.getMessage(), ex);
            }
        }
        return new DemandCalendar(events);
    }

    public List<CalendarEvent> events() {
        return events;
    }

    /** A copy with more events, e.g. a brand's planned promotions laid over the public calendar. */
    public DemandCalendar with(List<CalendarEvent> more) {
        List<CalendarEvent> all = new ArrayList<>(events);
        all.addAll(more);
        return new DemandCalendar(all);
    }

    public boolean is(LocalDate day, CalendarEvent.Kind kind) {
        Set<CalendarEvent.Kind> kinds = byDay.get(day);
        return kinds != null && kinds.contains(kind);
    }

    /** One 0/1 flag per {@link CalendarEvent.Kind}, in declaration order. */
    public double[] eventFlags(LocalDate day) {
        double[] flags = new double[EVENT_FLAGS];
        Set<CalendarEvent.Kind> kinds = byDay.get(day);
        if (kinds != null) {
            for (CalendarEvent.Kind kind : kinds) {
                flags[kind.ordinal()] = 1;
            }
        }
        return flags;
    }

    public static int weekOfYear(LocalDate day) {
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
