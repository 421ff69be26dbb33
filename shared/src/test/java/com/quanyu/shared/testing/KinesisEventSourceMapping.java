package com.quanyu.shared.testing;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
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
    private final AtomicLong failedInvocations = new AtomicLong();
    private volatile boolean stopped;
    private Thread poller;

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
        this.kinesis = kinesis;
        this.stream = stream;
        this.batchSize = batchSize;
        this.startingPosition = startingPosition;
        this.consumer = consumer;
        shards().forEach(this::iterator);
    }

    private List<Shard> shards() {
        return kinesis.listShards(b -> b.streamName(stream)).shards();
    }

    private String iterator(Shard shard) {
        return iterators.computeIfAbsent(
                shard.shardId(),
                id -> kinesis.getShardIterator(
                                b -> b.streamName(stream).shardId(id).shardIteratorType(startingPosition))
                        .shardIterator());
    }

    /** Polls in the background every {@code interval} until closed. */
    public synchronized KinesisEventSourceMapping start(Duration interval) {
        poller = new Thread(
                () -> {
                    while (!stopped) {
                        try {
                            if (pollOnce() == 0) {
                                Thread.sleep(interval.toMillis());
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            sleepQuietly(interval);
                        }
                    }
                },
                "kinesis-esm-" + stream);
        poller.setDaemon(true);
        poller.start();
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
                invokeUntilDone(toEvent(shard.shardId(), response.records()));
                delivered += response.records().size();
            }
            iterators.put(shard.shardId(), response.nextShardIterator());
        }
        return delivered;
    }

    private void invokeUntilDone(KinesisEvent event) {
        for (int attempt = 0; !stopped; attempt++) {
            try {
                consumer.accept(event);
                return;
            } catch (RuntimeException e) {
                failedInvocations.incrementAndGet();
                sleepQuietly(Duration.ofMillis(Math.min(1000, 20L << Math.min(attempt, 6))));
            }
        }
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

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        Thread thread;
        synchronized (this) {
            thread = poller;
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
