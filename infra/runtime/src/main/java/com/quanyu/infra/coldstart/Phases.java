package com.quanyu.infra.coldstart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock phases of one cold start from {@code main} on, measured inside the started JVM (the JVM's
 * own start is the run's total minus their sum: the process start time Linux reports has a boot-time
 * offset of up to a second). Printed as one {@code phases=} line for {@link ColdStartBenchmark},
 * which reports their medians: where a handler's time above the floor goes.
 */
final class Phases {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long last = System.nanoTime();

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

    /** {@code phases=init:900,event:700,...}. */
    String line() {
        StringBuilder line = new StringBuilder("phases=");
        millis.forEach((name, ms) -> line.append(line.length() > 7 ? "," : "")
                .append(name)
                .append(':')
                .append(ms));
        return line.toString();
    }
}
