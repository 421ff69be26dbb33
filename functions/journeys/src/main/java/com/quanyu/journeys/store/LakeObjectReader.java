package com.quanyu.journeys.store;

import com.quanyu.journeys.engine.JourneyEvent;
import com.quanyu.journeys.engine.LakeObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads one lake object from S3 as journey events (the line format is {@link LakeObjects}'). */
public final class LakeObjectReader {
    private final S3Client s3;

    public LakeObjectReader(S3Client s3) {
        this.s3 = s3;
    }

    /** Calls {@code sink} for each event of {@code s3://bucket/key}, oldest first; returns how many. */
    public int forEachEvent(String bucket, String key, Consumer<JourneyEvent> sink) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return LakeObjects.forEachEvent(in, key.endsWith(".gz"), sink);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read s3://" + bucket + "/" + key, e);
        }
    }
}
