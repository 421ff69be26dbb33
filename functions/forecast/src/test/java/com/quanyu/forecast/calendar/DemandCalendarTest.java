package com.quanyu.forecast.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandCalendarTest {
    @Test
    void bundledChineseCalendarKnowsHolidaysAndFestivals() {
        DemandCalendar china = DemandCalendar.china();
        assertTrue(china.is(LocalDate.of(2026, 11, 11), CalendarEvent.Kind.FESTIVAL_PEAK));
        assertTrue(china.is(LocalDate.of(2026, 6, 18), CalendarEvent.Kind.FESTIVAL_PEAK));
        assertTrue(china.is(LocalDate.of(2026, 11, 1), CalendarEvent.Kind.SHOPPING_FESTIVAL), "Double 11 pre-sale");
        assertTrue(china.is(LocalDate.of(2026, 2, 17), CalendarEvent.Kind.PUBLIC_HOLIDAY), "Spring Festival 2026");
        assertTrue(china.is(LocalDate.of(2025, 10, 8), CalendarEvent.Kind.PUBLIC_HOLIDAY));
        assertFalse(china.is(LocalDate.of(2026, 3, 10), CalendarEvent.Kind.PUBLIC_HOLIDAY));
        assertEquals(46, DemandCalendar.weekOfYear(LocalDate.of(2026, 11, 11)));
    }

    @Test
    void eventsAreDataIncludingPlannedPromotions() {
        DemandCalendar calendar = DemandCalendar.fromJson("""
                {"events":[{"name":"Member day","kind":"promotion","start":"2026-12-03","end":"2026-12-04"},
                           {"name":"Founders day","kind":"public_holiday","start":"2026-12-04"}]}
                """);
        assertArrayEquals(new double[] {1, 0, 0, 1}, calendar.eventFlags(LocalDate.of(2026, 12, 4)));
        assertArrayEquals(new double[] {0, 0, 0, 0}, calendar.eventFlags(LocalDate.of(2026, 12, 5)));
        DemandCalendar more = DemandCalendar.empty()
                .with(List.of(CalendarEvent.of(
                        "x", CalendarEvent.Kind.PROMOTION, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2))));
        assertTrue(more.is(LocalDate.of(2026, 1, 2), CalendarEvent.Kind.PROMOTION));
    }

    @Test
    void malformedCalendarsNameTheProblem() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> DemandCalendar.fromJson(
                        "{\"events\":[{\"name\":\"x\",\"kind\":\"party\",\"start\":\"2026-01-01\"}]}"));
        assertTrue(e.getMessage().contains("event 0"));
        assertThrows(
                IllegalArgumentException.class,
                () -> DemandCalendar.fromJson("{\"events\":[{\"kind\":\"promotion\",\"start\":\"2026-13-01\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> DemandCalendar.fromJson("not json"));
        assertThrows(
                IllegalArgumentException.class,
                () -> CalendarEvent.of(
                        "x", CalendarEvent.Kind.PROMOTION, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)));
    }
}
