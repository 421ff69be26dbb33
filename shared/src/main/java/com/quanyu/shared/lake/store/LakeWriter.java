package com.quanyu.shared.lake.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one writer of raw lake objects: gzip NDJSON, one enriched event per line, under the partition
 * of each record's {@code timestamp} (UTC day) and {@code channel} ({@link LakeLayout}). Every
 * producer (ingest's archive, campaign events, rejected events) writes through it, and the
 * compaction rewrites objects through it when it applies erasures.
 */
public final class LakeWriter {
    /** The suffix of the raw event objects this writer makes by default (gzip NDJSON). */
    public static final String NDJSON_GZ = ".ndjson.gz";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    /** @param bucket the data lake ({@code DATA_LAKE_BUCKET}); writers need {@code s3:PutObject} on {@code events/*} */
    public LakeWriter(S3Client s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Writes the records, one new object per partition ({@code <yyyyMMdd'T'HHmmss>-<uuid>.ndjson.gz}),
     * every one durable before returning.
     *
     * @return the keys written
     */
    public List<String> write(List<ObjectNode> records) {
        Map<String, StringBuilder> partitions = new TreeMap<>();
        for (ObjectNode record : records) {
            partitions
                    .computeIfAbsent(partition(record), p -> new StringBuilder())
                    .append(Json.write(record))
                    .append('\n');
        }
        String file = STAMP.format(clock.instant()) + "-" + UUID.randomUUID() + ".ndjson.gz";
        List<String> keys = new ArrayList<>();
        partitions.forEach((prefix, lines) -> {
            put(prefix + file, lines.toString());
            keys.add(prefix + file);
        });
        return keys;
    }

    /**
     * Writes one record at a key derived from {@code idempotencyKey}
     * ({@code <partition>/<namePrefix>-<sha256(idempotencyKey)[0..24]>.ndjson.gz}): writing the same
     * event again overwrites its object, never duplicates it.
     */
    public String writeIdempotent(ObjectNode record, String namePrefix, String idempotencyKey) {
        return writeIdempotent(record, namePrefix, idempotencyKey, NDJSON_GZ);
    }

    /**
     * As {@link #writeIdempotent(ObjectNode, String, String)} with another file suffix: objects a lake
     * subscriber derives end in one its own S3 notification does not match (see {@code LakeEventSink}).
     */
    public String writeIdempotent(ObjectNode record, String namePrefix, String idempotencyKey, String suffix) {
        String key =
                partition(record) + namePrefix + "-" + sha256(idempotencyKey).substring(0, 24) + suffix;
        put(key, Json.write(record) + "\n");
        return key;
    }

    /** Replaces an object's lines (erasure); an object left without lines is deleted. */
    public void replace(String key, List<String> lines) {
        if (lines.isEmpty()) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            return;
        }
        put(key, String.join("\n", lines) + "\n");
    }

    /**
     * Deletes the versions a rewrite or delete left behind (the bucket is versioned): an erasure is
     * done only when no version holds the data. Returns how many were deleted; 0 where the store keeps
     * no versions (the local stand-in), where the bucket's noncurrent-version expiry is the backstop.
     */
    public int purgeReplacedVersions(String key) {
        int deleted = 0;
        try {
            for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key))) {
                for (var version : page.versions()) {
                    if (version.key().equals(key) && !Boolean.TRUE.equals(version.isLatest())) {
                        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(version.versionId()));
                        deleted++;
                    }
                }
                for (var marker : page.deleteMarkers()) {
                    if (marker.key().equals(key)) {
                        s3.deleteObject(b -> b.bucket(bucket).key(key).versionId(marker.versionId()));
                        deleted++;
                    }
                }
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501 && e.statusCode() != 405) {
                throw e;
            }
        }
        return deleted;
    }

    private void put(String key, String ndjson) {
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(key)
                        .contentType("application/x-ndjson")
                        .contentEncoding("gzip"),
                RequestBody.fromBytes(gzip(ndjson)));
    }

    /** The raw partition of a record: its {@code timestamp}'s UTC day and its {@code channel}. */
    public static String partition(ObjectNode record) {
        return LakeLayout.rawPartition(
                Instant.parse(record.get("timestamp").asText()),
                record.get("channel").asText());
    }

    /** Gzip of UTF-8 text: the lake's object encoding. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
