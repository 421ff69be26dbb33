package com.quanyu.analytics.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads {@code events/dt=.../channel=.../*.ndjson.gz} from the lake bucket. Lake objects are never
 * rewritten (each write is a new key), so parsed objects are kept for the life of the execution
 * environment and a request lists the prefix and fetches only objects it has not seen.
 * Unparseable lines are skipped, like the training reader does.
 */
public final class S3LakeRows implements LakeRowSource {
    private final S3Client s3;
    private final String bucket;
    private final Map<String, List<LakeRow>> parsed = new ConcurrentHashMap<>();

    public S3LakeRows(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<LakeRow> rows() {
        Set<String> keys = new HashSet<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("events/"))) {
            page.contents().forEach(o -> keys.add(o.key()));
        }
        keys.stream().filter(k -> !parsed.containsKey(k)).parallel().forEach(k -> parsed.put(k, read(k)));
        parsed.keySet().retainAll(keys);
        List<LakeRow> all = new ArrayList<>();
        parsed.values().forEach(all::addAll);
        return all;
    }

    private List<LakeRow> read(String key) {
        List<LakeRow> rows = new ArrayList<>();
        try (InputStream raw = s3.getObject(b -> b.bucket(bucket).key(key));
             InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             MappingIterator<JsonNode> lines = Json.mapper().readerFor(JsonNode.class).readValues(in)) {
            while (lines.hasNextValue()) {
                LakeRow.parse(lines.nextValue()).ifPresent(rows::add);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a corrupt tail: the lines before it count, the rest cannot be re-synchronised
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lake object " + key, e);
        }
        return rows;
    }
}
