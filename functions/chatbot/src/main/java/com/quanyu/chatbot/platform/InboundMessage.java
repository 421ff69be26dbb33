package com.quanyu.chatbot.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer message, verified and parsed from a platform's webhook.
 *
 * @param platform     where it came from
 * @param userId       the platform's id of the sender (openid, PSID, wa_id, LINE userId, Telegram user id, web user)
 * @param messageId    the platform's id of this message or update: the dedupe key
 * @param text         what the customer wrote (empty for non-text messages)
 * @param sentAt       when the platform says it was sent
 * @param languageHint a language the platform reports for the user (Telegram), or null
 * @param replyContext what the reply needs besides the user id (LINE reply token, Telegram chat id,
 *                     WhatsApp phone number id, WeChat account id)
 */
public record InboundMessage(
        Platform platform,
        String userId,
        String messageId,
        String text,
        Instant sentAt,
        String languageHint,
        Map<String, String> replyContext) {
    /** Texts are cut to this many characters before understanding: nobody's question is longer. */
    public static final int MAX_TEXT_CHARS = 2000;

    public InboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(messageId, "messageId");
        text = text == null ? "" : text.length() > MAX_TEXT_CHARS ? cut(text) : text;
        replyContext = Map.copyOf(replyContext);
    }

    public Optional<String> context(String name) {
        return Optional.ofNullable(replyContext.get(name));
    }

    /** Cuts without splitting a surrogate pair (emoji). */
    private static String cut(String text) {
        int end = MAX_TEXT_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
