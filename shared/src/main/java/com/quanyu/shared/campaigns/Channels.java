package com.quanyu.shared.campaigns;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sales and contact channels a campaign can run in, and the groups a campaign may name
 * instead of listing each: {@code all} and {@code chat} (every messaging channel).
 */
public final class Channels {
    /** Every channel an order or a redemption can come from. */
    public static final Set<String> KNOWN = Set.of(
            "web",
            "app",
            "miniprogram",
            "store",
            "wechat",
            "messenger",
            "whatsapp",
            "line",
            "telegram",
            "webchat",
            "email",
            "sms",
            "call_center");

    public static final Set<String> CHAT = Set.of("wechat", "messenger", "whatsapp", "line", "telegram", "webchat");
    public static final String ALL = "all";
    public static final String CHAT_GROUP = "chat";

    private Channels() {}

    /** A known channel name in canonical (lower) case; {@code pos} is the store. */
    public static String normalise(String channel) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel is required, one of " + KNOWN);
        }
        String name = channel.trim().toLowerCase(Locale.ROOT);
        if (name.equals("pos")) {
            return "store";
        }
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException("unknown channel '" + channel + "', expected one of " + KNOWN);
        }
        return name;
    }

    /** A campaign's channel list, validated; empty means every channel. */
    public static Set<String> normaliseAll(Iterable<String> channels) {
        Set<String> result = new LinkedHashSet<>();
        for (String channel : channels) {
            String name = channel == null ? "" : channel.trim().toLowerCase(Locale.ROOT);
            result.add(name.equals(ALL) || name.equals(CHAT_GROUP) ? name : normalise(channel));
        }
        return result.contains(ALL) ? Set.of(ALL) : Set.copyOf(result);
    }

    /** Whether a campaign's channel list admits {@code channel}. */
    public static boolean allows(Set<String> campaignChannels, String channel) {
        return campaignChannels.isEmpty()
                || campaignChannels.contains(ALL)
                || campaignChannels.contains(channel)
                || (campaignChannels.contains(CHAT_GROUP) && CHAT.contains(channel));
    }
}
