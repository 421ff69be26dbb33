package com.quanyu.forecast.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated event that moves demand: a public holiday, a shopping festival (its build-up period),
 * a festival's peak day, or a promotion the brand has planned. Inclusive date range.
 *
 * @param name  e.g. "Spring Festival", "Double 11"
 * @param kind  what sort of event
 * @param start first day
 * @param end   last day (inclusive, not before start)
 */
public record CalendarEvent(String name, Kind kind, LocalDate start, LocalDate end) {
    /** What sort of event; the JSON form is the lower-case name. */
    public enum Kind {
        PUBLIC_HOLIDAY,
        SHOPPING_FESTIVAL,
        FESTIVAL_PEAK,
        PROMOTION
    }

    public CalendarEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("event " + name + " ends before it starts");
        }
    }

    public static CalendarEvent of(String name, Kind kind, LocalDate start, LocalDate end) {
        return new CalendarEvent(name, kind, start, end);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
