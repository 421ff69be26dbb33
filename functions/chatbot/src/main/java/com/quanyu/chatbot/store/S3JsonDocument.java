package com.quanyu.chatbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Something the brand uploads as a whole (its catalogue, its FAQ) kept as one JSON object in S3.
 * Read at most once per refresh interval (each warm function keeps it); an upload through this
 * instance is seen at once. An unreadable object keeps the previous value: replies then know less,
 * they do not fail.
 *
 * @param <T> the document's type
 */
final class S3JsonDocument<T> {
    private static final JsonLogger LOG = JsonLogger.of(S3JsonDocument.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Function<JsonNode, T> reader;
    private final Function<T, JsonNode> writer;
    private final T empty;
    private final Duration refresh;
    private final Clock clock;
    private volatile T value;
    private volatile Instant nextCheck = Instant.MIN;

    S3JsonDocument(
            S3Client s3,
            String bucket,
            String key,
            Function<JsonNode, T> reader,
            Function<T, JsonNode> writer,
            T empty,
            Duration refresh,
            Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.reader = reader;
        this.writer = writer;
        this.empty = empty;
        this.value = empty;
        this.refresh = refresh;
        this.clock = clock;
    }

    T current() {
        Instant now = clock.instant();
        if (!now.isBefore(nextCheck)) {
            nextCheck = now.plus(refresh);
            value = read();
        }
        return value;
    }

    /** Writes the object; a storage fault propagates (the upload is answered 503 and can be retried). */
    void replace(T newValue) {
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(Json.write(writer.apply(newValue))));
        value = newValue;
        nextCheck = clock.instant().plus(refresh);
    }

    private T read() {
        try {
            return reader.apply(Json.mapper()
                    .readTree(
                            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()));
        } catch (NoSuchKeyException e) {
            return empty;
        } catch (IOException | RuntimeException e) {
            LOG.error("uploaded document unreadable; keeping the previous one", e, "key", key);
            return value;
        }
    }
}
