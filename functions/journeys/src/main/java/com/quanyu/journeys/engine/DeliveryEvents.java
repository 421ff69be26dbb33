package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;

/**
 * SES event publishing records (through EventBridge): counts deliveries, bounces, complaints,
 * opens and clicks of journey e-mails once per message and kind (by SES message id), and adds the
 * address to the e-mail suppression list on a permanent bounce or a complaint.
 */
public final class DeliveryEvents {
    private static final Map<String, String> COUNTERS = Map.of(
            "Delivery",
            "delivered",
            "Bounce",
            "bounced",
            "Complaint",
            "complained",
            "Open",
            "opened",
            "Click",
            "email_clicked",
            "Reject",
            "rejected",
            "RenderingFailure",
            "rejected");
    private final JourneyStore store;
    private final Clock clock;

    public DeliveryEvents(JourneyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records one SES event; returns whether it counted (false for a repeat or a non-journey e-mail). */
    public boolean record(JsonNode detail) {
        String type =
                detail.path("eventType").asText(detail.path("notificationType").asText(""));
        String counter = COUNTERS.get(type);
        JsonNode mail = detail.path("mail");
        String journey = mail.path("tags").path("journey").path(0).asText("");
        String version = mail.path("tags").path("version").path(0).asText("");
        String messageId = mail.path("messageId").asText("");
        if (counter == null || journey.isEmpty() || !version.matches("\\d{1,6}") || messageId.isEmpty()) {
            return false;
        }
        boolean permanentBounce = "Bounce".equals(type)
                && "Permanent".equals(detail.path("bounce").path("bounceType").asText());
        if (permanentBounce || "Complaint".equals(type)) {
            for (JsonNode address : mail.path("destination")) {
                store.suppress(
                        "email",
                        JourneyEngine.hash(address.asText()),
                        permanentBounce ? "hard bounce" : "complaint",
                        clock.instant());
            }
        }
        if (!store.claimStep("ses~" + messageId + "~" + type, clock.instant())) {
            return false;
        }
        store.count(journey, Integer.parseInt(version), counter, 1);
        return true;
    }
}
