/**
 * DynamoDB and SQS adapters of the batch-scoring ports: a parallel-scan segment of the profiles
 * table, and the shard queue.
 */
package com.quanyu.train.store;
