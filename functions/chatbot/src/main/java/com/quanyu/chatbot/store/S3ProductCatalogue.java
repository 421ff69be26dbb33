package com.quanyu.chatbot.store;

import com.quanyu.chatbot.catalogue.Catalogue;
import com.quanyu.chatbot.catalogue.CatalogueFormat;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalogue as one object, {@code s3://<lake bucket>/catalogue/products.json} (the stored form
 * of {@link CatalogueFormat}), beside the stock list the shop's feed writes there; refreshed as
 * {@link S3JsonDocument} says.
 */
public final class S3ProductCatalogue implements ProductCatalogue {
    public static final String KEY = "catalogue/products.json";

    private final S3JsonDocument<Catalogue> document;

    public S3ProductCatalogue(S3Client s3, String bucket, Duration refresh, Clock clock) {
        this.document = new S3JsonDocument<>(
                s3, bucket, KEY, CatalogueFormat::stored, CatalogueFormat::toJson, Catalogue.EMPTY, refresh, clock);
    }

    @Override
    public Catalogue current() {
        return document.current();
    }

    @Override
    public void replace(Catalogue value) {
        document.replace(value);
    }
}
