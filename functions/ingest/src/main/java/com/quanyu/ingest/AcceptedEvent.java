package com.quanyu.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventType;
import java.time.Instant;

/**
 * An event the intake validated: as received (batch context applied), with what its parsing depends
 * on, and the parsed result.
 */
record AcceptedEvent(JsonNode raw, EventType routeType, Instant receivedAt, Instant sentAt, CustomerEvent parsed) {}
