package com.quanyu.shared.customer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A validated Segment-spec event, ready for the pipeline: identifiers already normalised and hashed,
 * the timestamp already corrected for client clock skew.
 *
 * @param type        call type
 * @param name        the track event name, the page/screen name or the group call's groupId; empty for other types
 * @param messageId   the client's message id (or a content hash when the client sent none)
 * @param messageKey  SHA-256 hex of source id and message id: the idempotency key
 * @param channel     channel the event counts towards
 * @param timestamp   when it happened (server clock)
 * @param receivedAt  when Quanyu received it
 * @param identifiers usable identifiers, highest priority first, without duplicates
 * @param traits      user traits ({@code traits} of identify, {@code context.traits} of any call)
 * @param properties  event properties (empty object when absent)
 * @param sessionId   the client's session id, or null
 * @param consent     consent categories the event states, category to granted
 * @param order       the order an {@code Order Completed} event reports, or null
 * @param raw         the event as received, for the lake
 */
public record CustomerEvent(
        EventType type,
        String name,
        String messageId,
        String messageKey,
        String channel,
        Instant timestamp,
        Instant receivedAt,
        List<Identifier> identifiers,
        ObjectNode traits,
        ObjectNode properties,
        String sessionId,
        Map<String, Boolean> consent,
        OrderFacts order,
        ObjectNode raw) {
    public CustomerEvent {
        identifiers = List.copyOf(identifiers);
        consent = Map.copyOf(consent);
    }

    /** The product an event is about (first of {@code sku}, {@code product_id}), or null. */
    public String sku() {
        if (properties.hasNonNull("sku")) {
            return properties.get("sku").asText();
        }
        return properties.hasNonNull("product_id")
                ? properties.get("product_id").asText()
                : null;
    }

    /** The 16-hex-character prefix of the message key that profiles remember as "applied". */
    public String appliedKey() {
        return messageKey.substring(0, 16);
    }
}
