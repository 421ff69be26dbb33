/**
 * Point-of-sale receipts: the export format parsed into customer events (the S3 import job is
 * {@code ingest.store.PosImport}).
 */
package com.quanyu.ingest.pos;
