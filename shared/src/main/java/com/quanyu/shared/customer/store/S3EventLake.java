package com.quanyu.shared.customer.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.aws.Lazy;
import com.quanyu.shared.customer.EventLake;
import com.quanyu.shared.lake.store.LakeWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The event archive on S3: the lake's one writer ({@link LakeWriter}) puts each call's records as
 * one gzip NDJSON object per partition, {@code events/dt=YYYY-MM-DD/channel=<channel>/} (Hive-style
 * partitions, so Athena prunes by date and channel).
 */
public final class S3EventLake implements EventLake {
    private final Lazy<LakeWriter> writer;

    public S3EventLake(S3Client s3, String bucket, Clock clock) {
        this(() -> s3, bucket, clock);
    }

    /** Over a client built on the first write (a function that may never write builds none). */
    public S3EventLake(Supplier<S3Client> s3, String bucket, Clock clock) {
        this.writer = Lazy.of(() -> new LakeWriter(s3.get(), bucket, clock));
    }

    @Override
    public void write(List<ObjectNode> records) {
        writer.get().write(records);
    }
}
