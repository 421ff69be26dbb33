package com.quanyu.train.data;

import com.quanyu.shared.lake.store.LakeReader;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The training events of the lake from a start day on, through the lake's one reader
 * ({@link LakeReader}: malformed lines counted, skipped and reported, the rest of the object read).
 * Lines that are JSON but not usable events (no profile id, type or valid timestamp) are counted too.
 */
public final class S3LakeReader {
    private final LakeReader reader;

    public S3LakeReader(S3Client s3, String bucket) {
        this.reader = new LakeReader(s3, bucket);
    }

    /** Every usable event on or after {@code since}; returns how many lines were skipped (malformed or unusable). */
    public long read(LocalDate since, Consumer<LakeEvent> sink) {
        AtomicLong unusable = new AtomicLong();
        LakeReader.ReadReport report = reader.read(
                since, null, line -> LakeEvent.parse(line).ifPresentOrElse(sink, unusable::incrementAndGet));
        return report.badLines() + unusable.get();
    }
}
