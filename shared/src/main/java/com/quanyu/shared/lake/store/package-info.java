/**
 * S3 adapters of the lake: the one writer and the one reader of raw objects (gzip NDJSON, one
 * bad-line policy), the compaction's state and the erasure requests. Imports nothing of functions.
 */
package com.quanyu.shared.lake.store;
