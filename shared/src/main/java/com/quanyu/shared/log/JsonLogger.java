package com.quanyu.shared.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Structured logging: one JSON object per line on standard output, which Lambda ships to
 * CloudWatch Logs where it can be queried by field. Fields are given as name/value pairs.
 * Every line carries the current invocation's {@code requestId}, {@code coldStart} and
 * {@code traceId} (see {@link Invocation}; handlers call {@code Invocations.start(context)} first).
 * Callers must never pass secrets or raw PII (log hashed identifiers instead).
 */
public final class JsonLogger {
    private static final boolean DEBUG = "DEBUG".equalsIgnoreCase(System.getenv("LOG_LEVEL"));

    private final String logger;

    private JsonLogger(String logger) {
        this.logger = logger;
    }

    public static JsonLogger of(Class<?> type) {
        return new JsonLogger(type.getSimpleName());
    }

    /**
     * Marks the start of an invocation: later lines (from any thread) carry its request id, trace
     * id and whether it is this execution environment's first. {@code requestId} may be null (tests).
     */
    public static void startInvocation(String requestId) {
        Invocation.start(requestId);
    }

    public void debug(String message, Object... fields) {
        if (DEBUG) {
            write("DEBUG", message, null, fields);
        }
    }

    public void info(String message, Object... fields) {
        write("INFO", message, null, fields);
    }

    public void warn(String message, Object... fields) {
        write("WARN", message, null, fields);
    }

    public void error(String message, Throwable error, Object... fields) {
        write("ERROR", message, error, fields);
    }

    private void write(String level, String message, Throwable error, Object... fields) {
        ObjectNode line = Json.object();
        line.put("ts", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("msg", message);
        Invocation.current().addTo(line);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.set(String.valueOf(fields[i]), Json.tree(fields[i + 1]));
        }
        if (error != null) {
            line.put("exception", error.getClass().getName());
            line.put("exceptionMessage", String.valueOf(error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
        Invocation.print(Json.write(line));
    }
}
