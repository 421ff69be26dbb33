/**
 * DynamoDB and SQS adapters of batch scoring: the profiles table's size, and the shard queue.
 */
package com.quanyu.train.store;
