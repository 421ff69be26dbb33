package com.quanyu.shared.lake.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The compaction's state object ({@link LakeLayout#COMPACTION_STATE}): the watermark (every day up to
 * it is compacted, so the SQL layer reads Parquet there and raw NDJSON after it) and, per compacted
 * day, the raw objects it was built from (count and newest modification), so a day whose raw objects
 * changed since (late events, an erasure rewrite) is compacted again.
 *
 * @param compactedThrough the watermark; {@link #NOTHING} when no day is compacted
 * @param days             compacted day to the raw objects it saw
 */
public record CompactionState(LocalDate compactedThrough, Map<LocalDate, RawDay> days) {
    /** The watermark before any compaction: earlier than any event. */
    public static final LocalDate NOTHING = LocalDate.of(1970, 1, 1);

    /** What a day's raw partition held: object count and newest last-modified time. */
    public record RawDay(long objects, Instant newest) {}

    public CompactionState {
        days = java.util.Collections.unmodifiableMap(new TreeMap<>(days));
    }

    /** The stored state, or an empty one. */
    public static CompactionState read(S3Client s3, String bucket) {
        // Listed before it is read: the SQL functions may list the lake only under its prefixes, and a GET of a
        // missing key without a bucket-wide ListBucket is a 403, not the "nothing compacted yet" of a 404.
        boolean stored =
                s3
                        .listObjectsV2(b -> b.bucket(bucket)
                                .prefix(LakeLayout.COMPACTION_STATE)
                                .maxKeys(1))
                        .contents()
                        .stream()
                        .anyMatch(o -> o.key().equals(LakeLayout.COMPACTION_STATE));
        if (!stored) {
            return new CompactionState(NOTHING, Map.of());
        }
        try {
            JsonNode state =
                    Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(LakeLayout.COMPACTION_STATE))
                            .asUtf8String());
            Map<LocalDate, RawDay> days = new TreeMap<>();
            state.path("days")
                    .fields()
                    .forEachRemaining(e -> days.put(
                            LocalDate.parse(e.getKey()),
                            new RawDay(
                                    e.getValue().path("objects").asLong(),
                                    Instant.parse(e.getValue().path("newest").asText()))));
            return new CompactionState(
                    LocalDate.parse(state.path("compactedThrough").asText()), days);
        } catch (NoSuchKeyException e) {
            return new CompactionState(NOTHING, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + LakeLayout.COMPACTION_STATE, e);
        }
    }

    /** Only the watermark (what the SQL layer needs per statement). */
    public static LocalDate watermark(S3Client s3, String bucket) {
        return read(s3, bucket).compactedThrough();
    }

    public void write(S3Client s3, String bucket) {
        ObjectNode state = Json.object();
        state.put("compactedThrough", compactedThrough.toString());
        ObjectNode byDay = state.putObject("days");
        days.forEach((day, raw) -> byDay.putObject(day.toString())
                .put("objects", raw.objects())
                .put("newest", raw.newest().toString()));
        s3.putObject(
                b -> b.bucket(bucket).key(LakeLayout.COMPACTION_STATE).contentType("application/json"),
                RequestBody.fromString(Json.write(state)));
    }
}
