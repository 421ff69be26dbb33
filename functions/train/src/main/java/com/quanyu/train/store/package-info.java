/**
 * DynamoDB, SQS and S3 adapters of training: the profiles table's size, the shard queue, and the
 * fraud labels under the lake bucket's {@code labels/}.
 */
package com.quanyu.train.store;
