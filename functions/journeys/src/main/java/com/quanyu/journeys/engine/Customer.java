package com.quanyu.journeys.engine;

import com.quanyu.journeys.channel.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What a journey needs to know about a customer: traits (addresses, name, language), consent per
 * channel, time zone, the last inbound chat message per channel (Messenger's 24-hour window),
 * segment and scores.
 */
public record Customer(
        String profileId,
        Map<String, String> traits,
        Map<Channel, Boolean> consent,
        ZoneId zone,
        Map<Channel, Instant> lastInbound,
        Optional<String> segment,
        Map<String, Double> scores) {
    public Customer {
        traits = Map.copyOf(traits);
        consent = Map.copyOf(consent);
        lastInbound = Map.copyOf(lastInbound);
        scores = Map.copyOf(scores);
    }

    /** The address on a channel, if the profile has one. */
    public Optional<String> address(Channel channel) {
        return Optional.ofNullable(traits.get(channel.addressTrait())).filter(a -> !a.isBlank());
    }

    public boolean consents(Channel channel) {
        return consent.getOrDefault(channel, false);
    }

    /** zh-CN when the profile's language says Chinese, else en. */
    public String language() {
        String language = traits.getOrDefault("language", traits.getOrDefault("locale", "en"));
        return language.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? "zh-CN" : "en";
    }
}
