package com.quanyu.journeys.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EventBridge's schedule expressions as journeys read them: cron in the brand's zone, rate from the version's creation. */
class ScheduleExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final Instant created = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void cronFiresAtTheBrandsLocalTime() {
        ScheduleExpression weekdays = ScheduleExpression.of("cron(30 9 ? * MON-FRI *)");
        Instant now = Instant.parse("2026-06-06T12:00:00Z"); // Saturday 20:00 in Shanghai
        assertEquals(
                Optional.of(Instant.parse("2026-06-05T01:30:00Z")),
                weekdays.latestFiring(created, now, created, SHANGHAI));
        assertEquals(
                Optional.of(Instant.parse("2026-06-05T13:30:00Z")),
                weekdays.latestFiring(created, now, created, NEW_YORK));
        assertEquals(
                Optional.empty(),
                weekdays.latestFiring(Instant.parse("2026-06-05T01:30:00Z"), now, created, SHANGHAI),
                "nothing after the last firing");
        ScheduleExpression firstOfMonth = ScheduleExpression.of("cron(0 8 1 * ? *)");
        assertEquals(
                Optional.of(Instant.parse("2026-06-01T00:00:00Z")),
                firstOfMonth.latestFiring(Instant.parse("2026-05-01T00:00:00Z"), now, created, SHANGHAI));
        assertEquals(
                Optional.of(Instant.parse("2026-06-01T12:00:00Z")),
                ScheduleExpression.of("cron(0/15 * * * ? *)")
                        .latestFiring(created, Instant.parse("2026-06-01T12:14:59Z"), created, SHANGHAI));
    }

    @Test
    void rateCountsFromTheVersionsCreation() {
        ScheduleExpression weekly = ScheduleExpression.of("rate(7 days)");
        assertEquals(
                Optional.empty(),
                weekly.latestFiring(created, Instant.parse("2026-06-07T23:59:00Z"), created, SHANGHAI));
        assertEquals(
                Optional.of(Instant.parse("2026-06-15T00:00:00Z")),
                weekly.latestFiring(created, Instant.parse("2026-06-20T00:00:00Z"), created, SHANGHAI),
                "the latest missed firing only");
    }

    @Test
    void invalidExpressionsSayWhatIsWrong() {
        for (String bad : new String[] {
            "cron(0 9 * * MON *)",
            "cron(0 9 ? * 2L *)",
            "cron(61 9 ? * MON *)",
            "cron(0 9 * *)",
            "rate(0 days)",
            "rate(5 weeks)",
            "every day"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.of(bad), bad);
            assertTrue(e.getMessage().contains("cron") || e.getMessage().contains("rate"), e.getMessage());
        }
    }
}
