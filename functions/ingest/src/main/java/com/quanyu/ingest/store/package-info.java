/**
 * S3 adapter of the ingest API: the archive of rejected events under the lake bucket's
 * {@code rejected/} prefix (this package owns that prefix's layout).
 */
package com.quanyu.ingest.store;
