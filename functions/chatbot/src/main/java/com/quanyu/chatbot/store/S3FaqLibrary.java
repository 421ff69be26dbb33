package com.quanyu.chatbot.store;

import com.quanyu.chatbot.faq.Faq;
import com.quanyu.chatbot.faq.FaqFormat;
import com.quanyu.chatbot.faq.FaqLibrary;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The FAQ as one object, {@code s3://<lake bucket>/catalogue/faq.json} (the stored form of
 * {@link FaqFormat}), beside the product catalogue; refreshed as {@link S3JsonDocument} says.
 */
public final class S3FaqLibrary implements FaqLibrary {
    public static final String KEY = "catalogue/faq.json";

    private final S3JsonDocument<Faq> document;

    public S3FaqLibrary(S3Client s3, String bucket, Duration refresh, Clock clock) {
        this.document =
                new S3JsonDocument<>(s3, bucket, KEY, FaqFormat::stored, FaqFormat::toJson, Faq.EMPTY, refresh, clock);
    }

    @Override
    public Faq current() {
        return document.current();
    }

    @Override
    public void replace(Faq value) {
        document.replace(value);
    }
}
