package com.quanyu.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log and EMF lines as CloudWatch reads them: one JSON object per line, labelled with the invocation. */
class LogLinesTest {
    private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    @Test
    void everyLineAfterStartCarriesRequestIdTraceIdAndColdStartOnlyOnTheFirstInvocation() {
        String previous = System.getProperty(TRACE_PROPERTY);
        try {
            System.setProperty(
                    TRACE_PROPERTY, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            List<JsonNode> lines = capture(() -> {
                Invocations.start(context("req-1"));
                JsonLogger.of(LogLinesTest.class).info("first", "n", 1);
                Invocations.start(context("req-2"));
                JsonLogger.of(LogLinesTest.class).warn("second");
            });
            assertEquals(2, lines.size());
            JsonNode first = lines.get(0);
            assertEquals("req-1", first.path("requestId").asText());
            assertEquals(
                    "1-5759e988-bd862e3fe1be46a994272793", first.path("traceId").asText());
            assertEquals(1, first.path("n").asInt());
            assertEquals("INFO", first.path("level").asText());
            JsonNode second = lines.get(1);
            assertEquals("req-2", second.path("requestId").asText());
            assertFalse(second.path("coldStart").asBoolean(true), "only an environment's first invocation is cold");
            assertTrue(second.has("coldStart"));
        } finally {
            if (previous == null) {
                System.clearProperty(TRACE_PROPERTY);
            } else {
                System.setProperty(TRACE_PROPERTY, previous);
            }
        }
    }

    @Test
    void traceIdIsTheRootOfTheHeader() {
        assertEquals("1-abc-def", Invocation.traceId("Parent=1;Root=1-abc-def;Sampled=0"));
        assertNull(Invocation.traceId("Parent=1;Sampled=0"));
        assertNull(Invocation.traceId(null));
    }

    @Test
    void metricsAreOneEmbeddedMetricFormatLineWithStageAndServiceDimensions() {
        JsonLogger.startInvocation("req-m");
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        JsonNode line = Metrics.of("ingest")
                .count("EventsAccepted", 12)
                .milliseconds("JobDuration", 340)
                .line(Clock.fixed(at, ZoneOffset.UTC));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(at.toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
        assertEquals(Metrics.NAMESPACE, directive.path("Namespace").asText());
        assertEquals("[[\"Stage\",\"Service\"]]", directive.path("Dimensions").toString());
        assertEquals(
                "[{\"Name\":\"EventsAccepted\",\"Unit\":\"Count\"},{\"Name\":\"JobDuration\",\"Unit\":\"Milliseconds\"}]",
                directive.path("Metrics").toString());
        // every dimension and metric named in the directive is a top-level member, as EMF requires
        assertEquals("ingest", line.path("Service").asText());
        assertTrue(line.path("Stage").isTextual());
        assertEquals(12, line.path("EventsAccepted").asLong());
        assertEquals(340, line.path("JobDuration").asLong());
        assertEquals("req-m", line.path("requestId").asText());
    }

    @Test
    void timedEmitsTheDurationAlsoWhenTheJobFails() {
        List<JsonNode> lines = capture(() -> {
            try {
                Metrics.timed("train", () -> {
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the job's failure propagates; the duration is still written
            }
        });
        assertEquals(1, lines.size());
        assertEquals("train", lines.get(0).path("Service").asText());
        assertTrue(lines.get(0).path("JobDuration").asLong() >= 0);
        assertEquals(
                "JobDuration",
                lines.get(0)
                        .path("_aws")
                        .path("CloudWatchMetrics")
                        .get(0)
                        .path("Metrics")
                        .get(0)
                        .path("Name")
                        .asText());
    }

    @Test
    void nothingIsWrittenWithoutMetrics() {
        assertEquals(List.of(), capture(() -> Metrics.of("ingest").emit()));
    }

    private static List<JsonNode> capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.read(line, JsonNode.class));
            }
        }
        return lines;
    }

    private static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> "getAwsRequestId".equals(method.getName()) ? requestId : null);
    }
}
