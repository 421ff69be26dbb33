package com.quanyu.train.batch;

import com.quanyu.shared.log.JsonLogger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The coordinator of a scoring run: splits the profiles table's key space into parallel-scan
 * segments (one shard each) and queues one message per shard. Shard workers run them in parallel
 * (as many at once as the queue's event source allows); the run is done when the queue is empty.
 */
public final class ScoringFanOut {
    /** The most shards one run has (DynamoDB allows up to 1,000,000 scan segments; this keeps messages few). */
    public static final int MAX_SHARDS = 10_000;

    private static final JsonLogger LOG = JsonLogger.of(ScoringFanOut.class);
    /** Fresh entropy per call: two runs queued in the same second never share an id (a run id decides which scores a shard skips). */
    private static final SecureRandom RUN_SUFFIX = new SecureRandom();

    private static final DateTimeFormatter RUN_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Where shard messages go (a queue with a dead-letter queue behind it). */
    public interface ShardQueue {
        void send(List<ScoringShard> shards);
    }

    /** A started run. */
    public record Started(String run, int shards, long approximateItems) {}

    private final ShardQueue queue;
    private final LongSupplier approximateItems;
    private final int itemsPerShard;
    private final Clock clock;

    /**
     * @param approximateItems the table's approximate item count (DynamoDB refreshes it about every six hours)
     * @param itemsPerShard    target items per shard: small enough for one worker invocation (docs/lake.md)
     */
    public ScoringFanOut(ShardQueue queue, LongSupplier approximateItems, int itemsPerShard, Clock clock) {
        if (itemsPerShard < 1) {
            throw new IllegalArgumentException("itemsPerShard must be positive");
        }
        this.queue = queue;
        this.approximateItems = approximateItems;
        this.itemsPerShard = itemsPerShard;
        this.clock = clock;
    }

    /** Queues a run over the whole table, with as many shards as its size needs. */
    public Started start(Instant asOf, Map<String, String> models) {
        long items = approximateItems.getAsLong();
        int shards = (int) Math.max(1, Math.min(MAX_SHARDS, (items + itemsPerShard - 1) / itemsPerShard));
        return start(asOf, models, shards, items);
    }

    /** Queues a run over the whole table in exactly {@code shards} shards. */
    public Started start(Instant asOf, Map<String, String> models, int shards) {
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be between 1 and " + MAX_SHARDS + ", not " + shards);
        }
        return start(asOf, models, shards, -1);
    }

    private Started start(Instant asOf, Map<String, String> models, int shards, long items) {
        String run = RUN_TIME.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(RUN_SUFFIX.nextInt());
        List<ScoringShard> messages = new ArrayList<>(shards);
        for (int segment = 0; segment < shards; segment++) {
            messages.add(new ScoringShard(run, asOf, models, segment, shards));
        }
        queue.send(messages);
        Started started = new Started(run, shards, items);
        LOG.info("scoring run queued", "run", run, "shards", shards, "approximateItems", items, "models", models);
        return started;
    }
}
