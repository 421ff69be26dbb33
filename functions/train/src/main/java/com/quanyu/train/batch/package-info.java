/**
 * Batch scoring of every profile, fanned out over shards of the profiles table: the shard message
 * ({@link com.quanyu.train.batch.ScoringShard}), the coordinator that splits the key space
 * ({@link com.quanyu.train.batch.ScoringFanOut}), the shard worker ({@link com.quanyu.train.batch.ShardScoring})
 * and the per-profile scorer. Domain code: storage and queues come in through the ports declared
 * here (adapters in {@code com.quanyu.train.store}); no AWS types.
 */
package com.quanyu.train.batch;
