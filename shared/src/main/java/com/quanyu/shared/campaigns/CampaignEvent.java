package com.quanyu.shared.campaigns;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a customer in a campaign (a coupon redeemed, points earned), to be
 * recorded on the customer's profile as a Segment track event.
 *
 * @param messageId  deterministic id, so re-emitting after a retry is de-duplicated downstream
 * @param profileId  the customer
 * @param event      Segment event name, e.g. {@code Coupon Redeemed}
 * @param channel    where it happened
 * @param properties event properties
 * @param timestamp  when it happened
 */
public record CampaignEvent(
        String messageId,
        String profileId,
        String event,
        String channel,
        Map<String, Object> properties,
        Instant timestamp) {
    public CampaignEvent {
        properties = Map.copyOf(properties);
    }
}
