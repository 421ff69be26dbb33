package com.quanyu.shared.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CloudWatch metrics in the embedded metric format (EMF): one JSON line on standard output, which
 * CloudWatch Logs turns into metrics in namespace {@value #NAMESPACE} with dimensions
 * {@code Stage} and {@code Service} (the function's short name, as in its log group). No API call,
 * no latency: the line is written with the invocation's request and trace id like any log line.
 * Names and what to watch: docs/operations.md.
 *
 * <pre>{@code Metrics.of("ingest").count("EventsAccepted", 12).count("EventsRejected", 1).emit();}</pre>
 */
public final class Metrics {
    /** The CloudWatch namespace of every Quanyu metric. */
    public static final String NAMESPACE = "Quanyu";

    private static final String STAGE = System.getenv().getOrDefault("STAGE", "local");

    private final String service;
    private final Map<String, Number> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    private Metrics(String service) {
        this.service = service;
    }

    /** A new line of metrics for one service (e.g. {@code ingest}, {@code train}). */
    public static Metrics of(String service) {
        return new Metrics(service);
    }

    /** Runs a job and emits its wall time as {@code JobDuration} (milliseconds), also when it fails. */
    public static <T> T timed(String service, Supplier<T> job) {
        long started = System.nanoTime();
        try {
            return job.get();
        } finally {
            of(service)
                    .milliseconds("JobDuration", (System.nanoTime() - started) / 1_000_000)
                    .emit();
        }
    }

    public Metrics count(String name, long value) {
        return put(name, value, "Count");
    }

    public Metrics milliseconds(String name, long value) {
        return put(name, value, "Milliseconds");
    }

    private Metrics put(String name, Number value, String unit) {
        values.put(name, value);
        units.put(name, unit);
        return this;
    }

    /** Writes the line (nothing when no metric was put). */
    public void emit() {
        if (!values.isEmpty()) {
            Invocation.print(Json.write(line(Clock.systemUTC())));
        }
    }

    ObjectNode line(Clock clock) {
        ObjectNode line = Json.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Stage").add("Service");
        ArrayNode metrics = directive.putArray("Metrics");
        units.forEach((name, unit) -> metrics.addObject().put("Name", name).put("Unit", unit));
        line.put("Stage", STAGE);
        line.put("Service", service);
        values.forEach((name, value) -> line.put(name, value.longValue()));
        Invocation.current().addTo(line);
        return line;
    }
}
