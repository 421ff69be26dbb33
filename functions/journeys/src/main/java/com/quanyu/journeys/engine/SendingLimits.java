package com.quanyu.journeys.engine;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Sending limits across all journeys: frequency caps per customer and quiet hours in the
 * customer's time zone (a send that falls inside them waits for their end).
 *
 * @param perDay     messages per customer in any 24 hours
 * @param perWeek    messages per customer in any 7 days
 * @param quietStart start of quiet hours (local time)
 * @param quietEnd   end of quiet hours (local time)
 * @param retryAfter how long a transient channel fault waits before the step runs again
 */
public record SendingLimits(int perDay, int perWeek, LocalTime quietStart, LocalTime quietEnd, Duration retryAfter) {
    public static final SendingLimits DEFAULT =
            new SendingLimits(1, 3, LocalTime.of(21, 0), LocalTime.of(8, 0), Duration.ofMinutes(10));

    /** Whether a local time is inside the quiet hours (which may span midnight). */
    public boolean quiet(LocalTime t) {
        if (quietStart.equals(quietEnd)) {
            return false;
        }
        return quietStart.isBefore(quietEnd)
                ? !t.isBefore(quietStart) && t.isBefore(quietEnd)
                : !t.isBefore(quietStart) || t.isBefore(quietEnd);
    }
}
