package com.quanyu.journeys.definition;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * An EventBridge schedule expression: {@code rate(<n> minute|minutes|hour|hours|day|days)} or
 * {@code cron(minutes hours day-of-month month day-of-week year)} with {@code *}, {@code ?},
 * lists, ranges, steps, month names (JAN-DEC) and day names (SUN-SAT, or 1-7 with 1 = Sunday), as
 * EventBridge reads them; {@code L}, {@code W} and {@code #} are refused. A cron is read in the
 * brand's time zone (a daylight-saving gap skips its times, as EventBridge Scheduler does).
 */
public final class ScheduleExpression {
    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final int LOOK_BACK_DAYS = 400;

    private final String text;
    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;

    private ScheduleExpression(String text, Duration rate, BitSet[] fields) {
        this.text = text;
        this.rate = rate;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.daysOfMonth = fields[2];
        this.months = fields[3];
        this.daysOfWeek = fields[4];
        this.years = fields[5];
    }

    /** Parses an expression; an invalid one throws {@link IllegalArgumentException} saying what is wrong. */
    public static ScheduleExpression of(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("rate(") && t.endsWith(")")) {
            String[] parts = t.substring(5, t.length() - 1).strip().split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[1-9][0-9]{0,5}")) {
                throw new IllegalArgumentException("rate(...) takes a positive number and a unit, e.g. rate(7 days)");
            }
            long n = Long.parseLong(parts[0]);
            Duration rate = switch (parts[1]) {
                case "minute", "minutes" -> Duration.ofMinutes(n);
                case "hour", "hours" -> Duration.ofHours(n);
                case "day", "days" -> Duration.ofDays(n);
                default ->
                    throw new IllegalArgumentException(
                            "rate unit must be minute(s), hour(s) or day(s), not " + parts[1]);
            };
            return new ScheduleExpression(t, rate, new BitSet[6]);
        }
        if (t.startsWith("cron(") && t.endsWith(")")) {
            String[] f = t.substring(5, t.length() - 1).strip().split("\\s+");
            if (f.length != 6) {
                throw new IllegalArgumentException(
                        "cron(...) has six fields: minutes hours day-of-month month day-of-week year");
            }
            boolean domAny = f[2].equals("?");
            boolean dowAny = f[4].equals("?");
            if (domAny == dowAny) {
                throw new IllegalArgumentException(
                        "cron(...): exactly one of day-of-month and day-of-week must be '?'");
            }
            BitSet[] fields = {
                field(f[0], 0, 59, null, 0, "minutes"),
                field(f[1], 0, 23, null, 0, "hours"),
                domAny ? all(1, 31) : field(f[2], 1, 31, null, 0, "day-of-month"),
                field(f[3], 1, 12, MONTHS, 1, "month"),
                dowAny ? all(1, 7) : field(f[4], 1, 7, DAYS, 1, "day-of-week"),
                field(f[5], 1970, 2199, null, 0, "year")
            };
            return new ScheduleExpression(t, null, fields);
        }
        throw new IllegalArgumentException("must be rate(...) or cron(...) as in EventBridge");
    }

    /**
     * The latest time the schedule fires at or before {@code now} and after {@code after}; a rate
     * counts from {@code anchor}. Empty when it did not fire in that span (or fired only more than
     * {@value #LOOK_BACK_DAYS} days ago).
     */
    public Optional<Instant> latestFiring(Instant after, Instant now, Instant anchor, ZoneId zone) {
        if (!now.isAfter(after)) {
            return Optional.empty();
        }
        if (rate != null) {
            if (now.isBefore(anchor)) {
                return Optional.empty();
            }
            long periods = Duration.between(anchor, now).toMillis() / rate.toMillis();
            Instant latest = anchor.plus(rate.multipliedBy(periods));
            return latest.isAfter(after) ? Optional.of(latest) : Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        for (int back = 0; back <= LOOK_BACK_DAYS; back++, day = day.minusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            for (int h = 23; h >= 0; h--) {
                if (!hours.get(h)) {
                    continue;
                }
                for (int m = 59; m >= 0; m--) {
                    if (!minutes.get(m)) {
                        continue;
                    }
                    ZonedDateTime candidate = day.atTime(LocalTime.of(h, m)).atZone(zone);
                    if (candidate.toLocalTime().getHour() != h
                            || candidate.toLocalTime().getMinute() != m) {
                        continue; // inside a daylight-saving gap
                    }
                    Instant at = candidate.toInstant();
                    if (at.isAfter(now)) {
                        continue;
                    }
                    return at.isAfter(after) ? Optional.of(at) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        int dow =
                day.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : day.getDayOfWeek().getValue() + 1;
        return years.get(day.getYear() - 1970)
                && months.get(day.getMonthValue())
                && daysOfMonth.get(day.getDayOfMonth())
                && daysOfWeek.get(dow);
    }

    private static BitSet all(int min, int max) {
        BitSet bits = new BitSet();
        bits.set(min, max + 1);
        return bits;
    }

    private static BitSet field(String text, int min, int max, String[] names, int nameBase, String name) {
        BitSet bits = new BitSet();
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, null, 0, name);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(ends[0], min, max, names, nameBase, name);
                to = number(ends[1], min, max, names, nameBase, name);
                if (to < from) {
                    throw new IllegalArgumentException("cron(...): " + name + " range " + range + " runs backwards");
                }
            } else {
                from = number(range, min, max, names, nameBase, name);
                to = slash >= 0 ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(name.equals("year") ? v - 1970 : v);
            }
        }
        return bits;
    }

    private static int number(String text, int min, int max, String[] names, int nameBase, String name) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return i + nameBase;
                }
            }
        }
        if (!text.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("cron(...): " + name + " '" + text
                    + "' is not supported (numbers, names, *, ?, ',', '-', '/'; no L, W or #)");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException("cron(...): " + name + " " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
