/**
 * The durable buffer between the ingest API and the profile writes: the port ({@code EventBuffer})
 * and the record format it carries ({@code BufferRecord}, owned here). No AWS types: the Kinesis
 * adapter is in {@code buffer.aws}.
 */
package com.quanyu.ingest.buffer;
