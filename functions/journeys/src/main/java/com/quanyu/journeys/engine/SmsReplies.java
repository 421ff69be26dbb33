package com.quanyu.journeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.channel.Channel;
import com.quanyu.shared.customer.MessagingConsent;
import com.quanyu.shared.json.Json;
import java.time.Instant;

/**
 * Replies to journey SMS (two-way SMS: AWS End User Messaging SMS publishes each inbound message
 * to an SNS topic as {@code {"originationNumber", "destinationNumber", "messageKeyword",
 * "messageBody", "inboundMessageId", ...}}): STOP / 退订 (and the other opt-out keywords of
 * {@link MessagingConsent}) withdraws SMS consent with source {@code sms-stop} on the profile
 * whose phone is the sender's (looked up by its normalised, hashed identifier); START / 取消退订
 * restores it ({@code sms-start}). Statements carry the time SNS received them, so replies that
 * arrive out of order still leave the latest one in force; a redelivery records the same thing.
 */
public final class SmsReplies {
    /** What a reply did. */
    public enum Outcome {
        OPTED_OUT,
        OPTED_IN,
        NOT_A_KEYWORD,
        UNKNOWN_SENDER,
        UNREADABLE
    }

    private final Ports.ConsentRecorder consent;

    public SmsReplies(Ports.ConsentRecorder consent) {
        this.consent = consent;
    }

    /** Handles one inbound message (the SNS notification's {@code Message}) received at {@code at}. */
    public Outcome handle(String payload, Instant at) {
        JsonNode message;
        try {
            message = Json.parse(payload == null ? "" : payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Outcome.UNREADABLE;
        }
        String from = message.path("originationNumber").asText("");
        String body = message.path("messageBody").asText("");
        if (from.isBlank() || !message.isObject()) {
            return Outcome.UNREADABLE;
        }
        boolean stop = MessagingConsent.isOptOut(body);
        if (!stop && !MessagingConsent.isOptIn(body)) {
            return Outcome.NOT_A_KEYWORD;
        }
        if (!consent.record("phone:" + from, Channel.SMS, !stop, at, stop ? "sms-stop" : "sms-start")) {
            return Outcome.UNKNOWN_SENDER;
        }
        return stop ? Outcome.OPTED_OUT : Outcome.OPTED_IN;
    }
}
