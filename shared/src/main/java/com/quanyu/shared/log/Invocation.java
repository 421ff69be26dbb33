package com.quanyu.shared.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The invocation an execution environment is serving, as every log and metric line names it.
 * Lambda runs one invocation at a time per environment, so one process-wide value (not a thread
 * local) also labels the lines of worker threads. The trace id is X-Ray's {@code Root} from the
 * header the Java runtime sets per invocation ({@code com.amazonaws.xray.traceHeader}), else
 * {@code _X_AMZN_TRACE_ID}; absent when neither is set (tests, the local runtime).
 *
 * @param requestId the Lambda request id, or null before the first invocation (init)
 * @param coldStart true for the environment's first invocation (and its init, SnapStart restore included)
 * @param traceId   the X-Ray trace id, or null
 */
record Invocation(String requestId, boolean coldStart, String traceId) {
    private static final AtomicBoolean FIRST = new AtomicBoolean(true);
    private static volatile Invocation current = new Invocation(null, true, null);

    static void start(String requestId) {
        current = new Invocation(
                requestId,
                FIRST.getAndSet(false),
                traceId(System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"))));
    }

    static Invocation current() {
        return current;
    }

    /** {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=...;Sampled=1} -> the Root value. */
    static String traceId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String field = part.trim();
            if (field.startsWith("Root=")) {
                return field.substring("Root=".length());
            }
        }
        return null;
    }

    void addTo(ObjectNode line) {
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("coldStart", coldStart);
        if (traceId != null) {
            line.put("traceId", traceId);
        }
    }

    /** One whole line on standard output (read at call time so tests can capture it). */
    static void print(String line) {
        var out = System.out;
        synchronized (out) {
            out.println(line);
        }
    }
}
