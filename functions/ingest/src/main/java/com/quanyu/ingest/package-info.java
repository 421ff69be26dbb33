/**
 * The ingest function's Lambda handlers: the Segment-compatible API and file imports. Handlers only
 * wire; identity stitching and profiles live in {@code shared.customer}.
 */
package com.quanyu.ingest;
