package com.quanyu.shared.customer.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.EventLake;
import com.quanyu.shared.customer.LakeRecords;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes lake records as gzip NDJSON, one object per partition per call:
 * {@code events/dt=YYYY-MM-DD/channel=<channel>/<yyyyMMdd'T'HHmmss>-<uuid>.ndjson.gz} (Hive-style
 * partitions, so Athena/Glue can prune by date and channel).
 */
public final class S3EventLake implements EventLake {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;

    public S3EventLake(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void write(List<ObjectNode> records) {
        Map<String, StringBuilder> partitions = new TreeMap<>();
        for (ObjectNode record : records) {
            partitions.computeIfAbsent(LakeRecords.partition(record), p -> new StringBuilder())
                    .append(Json.write(record)).append('\n');
        }
        String file = STAMP.format(Instant.now()) + "-" + UUID.randomUUID() + ".ndjson.gz";
        partitions.forEach((prefix, lines) -> s3.putObject(b -> b.bucket(bucket).key(prefix + file)
                        .contentType("application/x-ndjson").contentEncoding("gzip"),
                RequestBody.fromBytes(gzip(lines.toString()))));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
