/**
 * S3 and DynamoDB adapters of ingestion: the archive of rejected events under the lake bucket's
 * {@code rejected/} prefix, the POS import of {@code imports/pos/} files with their error reports
 * (this package owns both prefixes' layout), and the per-source rate limit.
 */
package com.quanyu.ingest.store;
