/**
 * Point-of-sale file imports into customer events.
 */
package com.quanyu.ingest.pos;
