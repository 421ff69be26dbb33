package com.quanyu.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Per-caller limits on the DynamoDB stand-in: the limit holds per window and caller; beyond it 429 + retry-after. */
@ExtendWith(AwsStandInsExtension.class)
class RateLimiterTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:02Z"));
    private final RateLimiter limiter;
    private final String caller = "src-" + System.nanoTime();

    RateLimiterTest(StandIns aws) {
        limiter = RateLimiter.of(
                aws.dynamo(),
                aws.envFor("IngestFunction").required("IDEMPOTENCY_TABLE"),
                "source",
                3,
                Duration.ofSeconds(10),
                clock);
    }

    @Test
    void limitPerWindowAndCallerAnsweredWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(caller);
        }
        ApiException over = assertThrows(ApiException.class, () -> limiter.acquire(caller));
        assertEquals(429, over.status());
        assertEquals(8, over.retryAfterSeconds(), "until the end of the 10-second window");
        assertEquals("8", ApiResponses.error(over).getHeaders().get("retry-after"));
        limiter.acquire(caller + "-other");
        clock.advance(Duration.ofSeconds(8));
        limiter.acquire(caller);
    }
}
