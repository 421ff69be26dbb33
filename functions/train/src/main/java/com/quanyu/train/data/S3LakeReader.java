package com.quanyu.train.data;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the event lake ({@code events/dt=YYYY-MM-DD/channel=.../*.gz}, gzip NDJSON) from a start
 * day on. Unparseable lines are counted and skipped: one bad record never stops training.
 */
public final class S3LakeReader {
    private static final JsonLogger LOG = JsonLogger.of(S3LakeReader.class);

    private final S3Client s3;
    private final String bucket;

    public S3LakeReader(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Every parseable event on or after {@code since}; returns how many lines were skipped. */
    public long read(LocalDate since, Consumer<LakeEvent> sink) {
        List<String> keys = new ArrayList<>();
        String startAfter = "events/dt=" + since.minusDays(1) + "/~";
        // Filtered here rather than with start-after: S3-compatible stores differ on start-after
        // combined with continuation tokens (S3Proxy rejects the paginator's second page).
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("events/"))) {
            page.contents().stream().map(o -> o.key()).filter(k -> k.compareTo(startAfter) > 0).forEach(keys::add);
        }
        long skipped = 0;
        for (String key : keys) {
            try (InputStream raw = s3.getObject(b -> b.bucket(bucket).key(key));
                 InputStream in = key.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
                skipped += readLines(in, sink);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lake object " + key, e);
            }
        }
        LOG.info("lake read", "objects", keys.size(), "skippedLines", skipped, "since", since.toString());
        return skipped;
    }

    static long readLines(InputStream in, Consumer<LakeEvent> sink) throws IOException {
        long skipped = 0;
        JsonParser parser = Json.mapper().getFactory().createParser(in);
        try (MappingIterator<JsonNode> lines = Json.mapper().readValues(parser, JsonNode.class)) {
            while (true) {
                JsonNode line;
                try {
                    if (!lines.hasNextValue()) {
                        break;
                    }
                    line = lines.nextValue();
                } catch (IOException e) {
                    skipped++;
                    break; // a corrupt tail: the rest of this object cannot be re-synchronised
                }
                var event = LakeEvent.parse(line);
                if (event.isPresent()) {
                    sink.accept(event.get());
                } else {
                    skipped++;
                }
            }
        }
        return skipped;
    }
}
