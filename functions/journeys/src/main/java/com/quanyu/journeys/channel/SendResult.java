package com.quanyu.journeys.channel;

/**
 * What a channel did with a message.
 *
 * @param outcome           sent, failed (the platform refused it) or retry (a transient fault)
 * @param providerMessageId the platform's id for the message, when sent
 * @param reason            why it failed, in words
 */
public record SendResult(Outcome outcome, String providerMessageId, String reason) {
    /** Sent, refused for good, or worth retrying. */
    public enum Outcome {
        SENT,
        FAILED,
        RETRY
    }

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Outcome.SENT, providerMessageId, null);
    }

    public static SendResult failed(String reason) {
        return new SendResult(Outcome.FAILED, null, reason);
    }

    public static SendResult retry(String reason) {
        return new SendResult(Outcome.RETRY, null, reason);
    }
}
