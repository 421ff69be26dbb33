package com.quanyu.ingest.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Keeps the events a request rejected, with why, under the lake bucket's {@code rejected/} prefix
 * so that a source's owner can inspect and resend them:
 * {@code rejected/dt=YYYY-MM-DD/source=<sourceId>/<yyyyMMdd'T'HHmmss>-<uuid>.ndjson}, one JSON object
 * per event ({@code rejectedAt, sourceId, requestId, index, field, message, event}). Readers of
 * accepted events list {@code events/} only, so these never reach training or counts.
 */
public final class RejectedEventArchive {
    /** Key prefix of rejected events in the lake bucket. */
    public static final String PREFIX = "rejected/";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Supplier<S3Client> s3;
    private final String bucket;
    private final Clock clock;

    /** @param s3 asked for on the first rejected event (most requests have none) */
    public RejectedEventArchive(Supplier<S3Client> s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** One rejected event: its index in the request, the field at fault, the reason and the event as sent. */
    public record Rejection(int index, String field, String message, JsonNode event) {}

    /** Writes all rejections of one request as one object; throws when S3 fails (the caller answers retry). */
    public String keep(String sourceId, String requestId, List<Rejection> rejections) {
        Instant now = clock.instant();
        StringBuilder lines = new StringBuilder();
        for (Rejection rejection : rejections) {
            ObjectNode line = Json.object();
            line.put("rejectedAt", now.toString());
            line.put("sourceId", sourceId);
            line.put("requestId", requestId);
            line.put("index", rejection.index());
            line.put("field", rejection.field());
            line.put("message", rejection.message());
            line.set("event", rejection.event());
            lines.append(Json.write(line)).append('\n');
        }
        String key = PREFIX + "dt=" + DAY.format(now) + "/source=" + sourceId + "/" + STAMP.format(now) + "-"
                + UUID.randomUUID() + ".ndjson";
        s3.get()
                .putObject(
                        b -> b.bucket(bucket).key(key).contentType("application/x-ndjson"),
                        RequestBody.fromString(lines.toString()));
        return key;
    }
}
