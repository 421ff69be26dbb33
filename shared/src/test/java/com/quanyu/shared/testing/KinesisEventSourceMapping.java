package com.quanyu.shared.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What Lambda's Kinesis event source mapping does, for the local runtime and tests: per shard, reads
 * up to {@code batchSize} records, invokes the consumer with a {@link KinesisEvent}, and moves on only
 * when it returned; a throwing consumer gets the same batch again after a back-off, without a limit
 * (as with {@code MaximumRetryAttempts: -1}). One shard's batches run one at a time, in order.
 */
public final class KinesisEventSourceMapping implements AutoCloseable {
    private final KinesisClient kinesis;
    private final String stream;
    private final int batchSize;
    private final Consumer<KinesisEvent> consumer;
    private final ShardIteratorType startingPosition;
    private final Map<String, String> iterators = new HashMap<>();
    private final Properties checkpoint = new Properties();
    private final Path checkpointFile;
    private final AtomicLong failedInvocations = new AtomicLong();
    private final BackgroundPoller poller = new BackgroundPoller();

    /**
     * @param startingPosition TRIM_HORIZON (everything retained, as template.yaml configures) or LATEST
     *                         (only records put from now on: tests sharing one stream)
     */
    public KinesisEventSourceMapping(
            KinesisClient kinesis,
            String stream,
            int batchSize,
            ShardIteratorType startingPosition,
            Consumer<KinesisEvent> consumer) {
        this(kinesis, stream, batchSize, startingPosition, null, consumer);
    }

    /**
     * A mapping that keeps its position in {@code checkpoints} (a properties file: shard id to the last
     * delivered sequence number) and resumes after it when built again on the same stream, as Lambda's
     * mapping keeps its position across deployments: a restarted local runtime does not deliver the
     * whole retained stream again. {@code startingPosition} applies to shards without a checkpoint.
     */
    public KinesisEventSourceMapping(
            KinesisClient kinesis,
            String stream,
            int batchSize,
            ShardIteratorType startingPosition,
            Path checkpoints,
            Consumer<KinesisEvent> consumer) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.batchSize = batchSize;
        this.startingPosition = startingPosition;
        this.consumer = consumer;
        this.checkpointFile = checkpoints;
        if (checkpoints != null && Files.exists(checkpoints)) {
            try (var in = Files.newBufferedReader(checkpoints)) {
                checkpoint.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stream checkpoints " + checkpoints, e);
            }
        }
        shards().forEach(this::iterator);
    }

    private List<Shard> shards() {
        return kinesis.listShards(b -> b.streamName(stream)).shards();
    }

    private String iterator(Shard shard) {
        return iterators.computeIfAbsent(shard.shardId(), id -> {
            String after = checkpoint.getProperty(id);
            if (after != null) {
                try {
                    return kinesis.getShardIterator(b -> b.streamName(stream)
                                    .shardId(id)
                                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                                    .startingSequenceNumber(after))
                            .shardIterator();
                } catch (KinesisException e) {
                    // a checkpoint of another stream's life (the stream was recreated): start as configured
                }
            }
            return kinesis.getShardIterator(
                            b -> b.streamName(stream).shardId(id).shardIteratorType(startingPosition))
                    .shardIterator();
        });
    }

    /** Polls in the background every {@code interval} until closed. */
    public KinesisEventSourceMapping start(Duration interval) {
        poller.start("kinesis-esm-" + stream, () -> pollOnce() == 0 ? interval : Duration.ZERO, interval);
        return this;
    }

    /** Delivers every record now in the stream (on the calling thread); returns how many. */
    public synchronized long drain() {
        long total = 0;
        for (int delivered; (delivered = pollOnce()) > 0; ) {
            total += delivered;
        }
        return total;
    }

    /** Invocations that threw (and were retried). */
    public long failedInvocations() {
        return failedInvocations.get();
    }

    /** One batch per shard; returns the number of records delivered. */
    private synchronized int pollOnce() {
        int delivered = 0;
        for (Shard shard : shards()) {
            String iterator = iterator(shard);
            if (iterator == null) {
                continue;
            }
            GetRecordsResponse response =
                    kinesis.getRecords(b -> b.shardIterator(iterator).limit(batchSize));
            if (!response.records().isEmpty()) {
                if (!invokeUntilDone(toEvent(shard.shardId(), response.records()))) {
                    return delivered; // stopped before the batch was taken: it stays undelivered
                }
                delivered += response.records().size();
                saveCheckpoint(shard.shardId(), response.records().getLast().sequenceNumber());
            }
            iterators.put(shard.shardId(), response.nextShardIterator());
        }
        return delivered;
    }

    /** Remembers the last delivered record of a shard (written whole, then moved over the old file). */
    private void saveCheckpoint(String shardId, String sequenceNumber) {
        if (checkpointFile == null) {
            return;
        }
        checkpoint.setProperty(shardId, sequenceNumber);
        try {
            Path next = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".next");
            try (var out = Files.newBufferedWriter(next)) {
                checkpoint.store(
                        out, "Kinesis event source mapping " + stream + ": last delivered sequence number per shard");
            }
            Files.move(next, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stream checkpoints " + checkpointFile, e);
        }
    }

    /** True once the consumer took the batch; false when the mapping stopped first. */
    private boolean invokeUntilDone(KinesisEvent event) {
        for (int attempt = 0; !poller.stopped(); attempt++) {
            try {
                consumer.accept(event);
                return true;
            } catch (RuntimeException e) {
                failedInvocations.incrementAndGet();
                BackgroundPoller.sleepQuietly(Duration.ofMillis(Math.min(1000, 20L << Math.min(attempt, 6))));
            }
        }
        return false;
    }

    private KinesisEvent toEvent(String shardId, List<Record> records) {
        List<KinesisEvent.KinesisEventRecord> converted = new ArrayList<>(records.size());
        for (Record r : records) {
            KinesisEvent.Record kinesisRecord = new KinesisEvent.Record();
            kinesisRecord.setData(r.data().asByteBuffer());
            kinesisRecord.setPartitionKey(r.partitionKey());
            kinesisRecord.setSequenceNumber(r.sequenceNumber());
            kinesisRecord.setApproximateArrivalTimestamp(java.util.Date.from(r.approximateArrivalTimestamp()));
            kinesisRecord.setKinesisSchemaVersion("1.0");
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesisRecord);
            record.setEventSource("aws:kinesis");
            record.setEventName("aws:kinesis:record");
            record.setEventID(shardId + ":" + r.sequenceNumber());
            record.setEventSourceARN("arn:aws:kinesis:us-east-1:000000000000:stream/" + stream);
            converted.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(converted);
        return event;
    }

    @Override
    public void close() {
        poller.close();
    }
}
