package com.quanyu.shared.customer;

import java.util.regex.Pattern;

/**
 * Where events come from: a registered source (a web shop, an app, a chat bot, a store's POS
 * export) and the channel it is bound to ({@code web}, {@code app}, {@code wechat}, {@code store}, ...).
 *
 * @param sourceId stable id of the source; part of the idempotency key with each messageId
 * @param channel  the channel events of this source count towards unless they name another one
 */
public record Source(String sourceId, String channel) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    /** Channels an event may name in {@code context.channel} to override its source's channel. */
    public static final java.util.Set<String> KNOWN_CHANNELS = java.util.Set.of(
            "web",
            "app",
            "miniprogram",
            "wechat",
            "messenger",
            "whatsapp",
            "line",
            "telegram",
            "store",
            "email",
            "sms",
            "call_center");

    public Source {
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 128) {
            throw new IllegalArgumentException("sourceId must be 1-128 characters");
        }
        if (!isChannelName(channel)) {
            throw new IllegalArgumentException("channel must match " + NAME.pattern() + ": " + channel);
        }
    }

    public static Source of(String sourceId, String channel) {
        return new Source(sourceId, channel);
    }

    /** Channel names are short lower-case tokens, usable as an S3 partition value. */
    public static boolean isChannelName(String channel) {
        return channel != null && NAME.matcher(channel).matches();
    }
}
