package com.quanyu.ingest.buffer.aws;

import com.quanyu.ingest.buffer.BufferRecord;
import com.quanyu.ingest.buffer.EventBuffer;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The buffer as a Kinesis data stream: PutRecords, 500 records per request, records a shard refused
 * retried briefly; still refused means the stream is at its write capacity ({@link BufferFullException}).
 * Records Kinesis stored stay stored: the client's retry of the whole request sends them again and
 * the consumer's dedupe drops the copies.
 */
public final class KinesisEventBuffer implements EventBuffer {
    private static final JsonLogger LOG = JsonLogger.of(KinesisEventBuffer.class);
    private static final int MAX_RECORDS_PER_REQUEST = 500;
    private static final int ATTEMPTS = 3;

    private final KinesisClient kinesis;
    private final String stream;

    public KinesisEventBuffer(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    @Override
    public void put(List<BufferRecord> records) {
        for (int from = 0; from < records.size(); from += MAX_RECORDS_PER_REQUEST) {
            putChunk(records.subList(from, Math.min(records.size(), from + MAX_RECORDS_PER_REQUEST)));
        }
    }

    private void putChunk(List<BufferRecord> chunk) {
        List<PutRecordsRequestEntry> pending = new ArrayList<>(chunk.size());
        for (BufferRecord record : chunk) {
            pending.add(PutRecordsRequestEntry.builder()
                    .partitionKey(record.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                    .build());
        }
        String lastError = null;
        for (int attempt = 0; attempt < ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            final List<PutRecordsRequestEntry> batch = pending;
            PutRecordsResponse response =
                    kinesis.putRecords(b -> b.streamName(stream).records(batch));
            if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
                return;
            }
            List<PutRecordsRequestEntry> refused = new ArrayList<>();
            List<PutRecordsResultEntry> results = response.records();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    refused.add(batch.get(i));
                    lastError = results.get(i).errorCode();
                }
            }
            pending = refused;
        }
        if (!pending.isEmpty()) {
            LOG.warn("stream refused records", "stream", stream, "refused", pending.size(), "errorCode", lastError);
            if ("ProvisionedThroughputExceededException".equals(lastError)) {
                throw new EventBuffer.BufferFullException(
                        pending.size() + " events exceeded the stream's write capacity");
            }
            throw new IngestUnavailableException("the stream refused " + pending.size() + " records: " + lastError);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
