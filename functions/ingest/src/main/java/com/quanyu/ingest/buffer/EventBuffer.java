package com.quanyu.ingest.buffer;

import java.util.List;

/**
 * Where the API puts accepted events: durable once {@link #put} returns. In AWS a Kinesis data
 * stream ({@code buffer.aws.KinesisEventBuffer}); its consumer ({@code IngestStreamHandler}) folds them into
 * profiles in batches.
 */
public interface EventBuffer {
    /**
     * Stores every record durably, or throws.
     *
     * @throws BufferFullException when the buffer refuses more for now (the client retries later)
     * @throws RuntimeException    another fault: nothing is known to be stored; the client retries
     */
    void put(List<BufferRecord> records);

    /** The buffer is at its write capacity: answer 429 with {@code retry-after}. */
    final class BufferFullException extends RuntimeException {
        public BufferFullException(String message) {
            super(message);
        }
    }
}
