/**
 * Admin operations on profiles: read and right-to-be-forgotten erasure across the stores.
 */
package com.quanyu.ingest.admin;
