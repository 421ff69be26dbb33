package com.quanyu.forecast.job;

import com.quanyu.forecast.series.SeriesKey;

/**
 * A slice of the series when the job is fanned out: series whose SKU hashes to {@code index}
 * modulo {@code count}. SKU-based, so a SKU's locations stay together.
 *
 * @param index this shard, 0-based
 * @param count number of shards (1 = everything)
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " is impossible");
        }
    }

    public static Shard all() {
        return new Shard(0, 1);
    }

    public boolean contains(SeriesKey key) {
        return count == 1 || Math.floorMod(key.sku().hashCode(), count) == index;
    }

    /** Suffix for the shard's own history and accuracy objects; empty when not sharded. */
    public String suffix() {
        return count == 1 ? "" : "-shard-" + index + "-of-" + count;
    }
}
