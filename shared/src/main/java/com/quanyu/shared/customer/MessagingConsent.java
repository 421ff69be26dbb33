package com.quanyu.shared.customer;

import com.quanyu.shared.customer.Profile.ConsentValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Consent to be messaged on a channel, kept on the profile as the consent category
 * {@code messaging.<channel>} (so a shop's consent banner can state it with Segment's
 * {@code context.consent.categoryPreferences}, and journeys can change it through
 * {@link ProfileStore#recordConsent}). Opt-out replies are recognised here for every channel that
 * receives them (SMS, chat).
 */
public final class MessagingConsent {
    /** Replies that withdraw consent: the carriers' keywords and the Chinese ones (退订 = unsubscribe). */
    private static final Set<String> OPT_OUT_WORDS = Set.of(
            "stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "opt-out", "td", "退订", "取消订阅", "退订短信");
    /** Replies that restore consent after an opt-out: the carriers' keywords and 取消退订 (cancel the unsubscribe). */
    private static final Set<String> OPT_IN_WORDS = Set.of("start", "unstop", "取消退订");

    private MessagingConsent() {}

    /** The consent category of a channel ({@code email}, {@code sms}, {@code line}, ...). */
    public static String category(String channel) {
        return "messaging." + channel.toLowerCase(Locale.ROOT);
    }

    /** The profile's current choice for a channel, if one was ever stated. */
    public static Optional<ConsentValue> of(Profile profile, String channel) {
        return Optional.ofNullable(profile.consent().get(category(channel)));
    }

    /** Whether the profile opted in to the channel and has not opted out since. */
    public static boolean granted(Profile profile, String channel) {
        return of(profile, channel).map(ConsentValue::granted).orElse(false);
    }

    /** A statement of consent to record. */
    public static ConsentValue stated(boolean granted, Instant at, String source) {
        return new ConsentValue(granted, at, source);
    }

    /** Whether a whole inbound message is an opt-out keyword (case, spaces and punctuation ignored). */
    public static boolean isOptOut(String text) {
        return OPT_OUT_WORDS.contains(keyword(text));
    }

    /** Whether a whole inbound message is an opt-in keyword after an opt-out (START, 取消退订). */
    public static boolean isOptIn(String text) {
        return OPT_IN_WORDS.contains(keyword(text));
    }

    private static String keyword(String text) {
        if (text == null) {
            return "";
        }
        return text.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\p{Punct}。！]+$", "")
                .replaceAll("^[\\s\\p{Punct}]+", "");
    }
}
