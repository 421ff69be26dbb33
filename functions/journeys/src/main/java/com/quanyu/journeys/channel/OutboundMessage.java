package com.quanyu.journeys.channel;

import java.util.Optional;

/**
 * One rendered message for one recipient.
 *
 * @param channel        where it goes
 * @param address        the recipient on that channel
 * @param subject        e-mail subject / WeChat title (may be empty)
 * @param body           the text, links already in it
 * @param idempotencyKey stable per journey step and customer: adapters pass it where the platform dedupes
 * @param messengerTag   a Messenger message tag, for sends outside the 24-hour window
 * @param tags           journey and version, for platforms that echo tags in delivery events (SES)
 */
public record OutboundMessage(
        Channel channel,
        String address,
        String subject,
        String body,
        String idempotencyKey,
        Optional<String> messengerTag,
        java.util.Map<String, String> tags) {
    public OutboundMessage {
        tags = java.util.Map.copyOf(tags);
    }
}
