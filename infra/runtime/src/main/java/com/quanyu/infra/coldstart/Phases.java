package com.quanyu.infra.coldstart;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock phases of one cold start, measured inside the started JVM: {@code jvm} (process start
 * to {@code main}), then each named phase. Printed as one {@code phases=} line for
 * {@link ColdStartBenchmark}, which reports their medians: where a handler's time above the floor goes.
 */
final class Phases {
    private final long mainNanos = System.nanoTime();
    private final Instant mainAt = Instant.now();
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last = mainNanos;

    private Phases() {}

    static Phases start() {
        return new Phases();
    }

    /** Ends the phase that started at the previous end (or at {@code main}). */
    void end(String name) {
        long now = System.nanoTime();
        millis.put(name, (now - last) / 1_000_000);
        last = now;
    }

    /** {@code phases=jvm:240,init:900,...}; the JVM's start is read last, so that reading it costs no phase. */
    String line() {
        Map<String, Long> all = new LinkedHashMap<>();
        ProcessHandle.current()
                .info()
                .startInstant()
                .ifPresent(started ->
                        all.put("jvm", Duration.between(started, mainAt).toMillis()));
        all.putAll(millis);
        StringBuilder line = new StringBuilder("phases=");
        all.forEach((name, ms) -> line.append(line.length() > 7 ? "," : "")
                .append(name)
                .append(':')
                .append(ms));
        return line.toString();
    }
}
