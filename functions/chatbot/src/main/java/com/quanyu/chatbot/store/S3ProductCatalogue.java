package com.quanyu.chatbot.store;

import com.quanyu.chatbot.catalogue.Catalogue;
import com.quanyu.chatbot.catalogue.CatalogueFormat;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The catalogue as one object, {@code s3://<lake bucket>/catalogue/products.json} (the stored form
 * of {@link CatalogueFormat}), beside the stock list the shop's feed writes there. Read at most
 * once per refresh interval (each warm function keeps it); an upload through this instance is seen
 * at once. An unreadable object keeps the previous catalogue: replies then name fewer products,
 * they do not fail.
 */
public final class S3ProductCatalogue implements ProductCatalogue {
    public static final String KEY = "catalogue/products.json";
    private static final JsonLogger LOG = JsonLogger.of(S3ProductCatalogue.class);

    private final S3Client s3;
    private final String bucket;
    private final Duration refresh;
    private final Clock clock;
    private volatile Catalogue catalogue = Catalogue.EMPTY;
    private volatile Instant nextCheck = Instant.MIN;

    public S3ProductCatalogue(S3Client s3, String bucket, Duration refresh, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public Catalogue current() {
        Instant now = clock.instant();
        if (!now.isBefore(nextCheck)) {
            nextCheck = now.plus(refresh);
            catalogue = read();
        }
        return catalogue;
    }

    /** Writes the object; a storage fault propagates (the upload is answered 503 and can be retried). */
    @Override
    public void replace(Catalogue value) {
        s3.putObject(
                b -> b.bucket(bucket).key(KEY).contentType("application/json"),
                RequestBody.fromString(Json.write(CatalogueFormat.toJson(value))));
        catalogue = value;
        nextCheck = clock.instant().plus(refresh);
    }

    private Catalogue read() {
        try {
            return CatalogueFormat.stored(Json.mapper()
                    .readTree(
                            s3.getObjectAsBytes(b -> b.bucket(bucket).key(KEY)).asByteArray()));
        } catch (NoSuchKeyException e) {
            return Catalogue.EMPTY;
        } catch (IOException | RuntimeException e) {
            LOG.error("product catalogue unreadable; keeping the previous one", e, "key", KEY);
            return catalogue;
        }
    }
}
