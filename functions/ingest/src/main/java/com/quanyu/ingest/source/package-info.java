/**
 * Sources and their publishable write keys (hashed at rest), and the write-key check of the ingest
 * routes.
 */
package com.quanyu.ingest.source;
