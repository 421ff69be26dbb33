package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Storage port of the raw event archive. Each record is one enriched event (the Segment fields plus
 * {@code receivedAt}, corrected {@code timestamp}, {@code sourceId}, {@code channel}, {@code profileId}).
 * Implementations must make all records durable before returning, or throw.
 */
public interface EventLake {
    void write(List<ObjectNode> records);
}
