/**
 * The daily compaction over S3 and DuckDB: erasure of forgotten people from every raw object, then
 * Parquet per day and channel. Depends on shared's lake packages only.
 */
package com.quanyu.lake.store;
