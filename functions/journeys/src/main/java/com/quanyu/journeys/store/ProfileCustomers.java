package com.quanyu.journeys.store;

import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.engine.Customer;
import com.quanyu.journeys.engine.Ports;
import com.quanyu.shared.customer.MessagingConsent;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileReader;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.ProfileStore;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customers from the unified profile (shared/customer owns its layout): traits as text, consent
 * per channel ({@link MessagingConsent}), the time zone trait ({@code timezone}, else the default),
 * the last inbound activity on Messenger, and the nightly segment and propensity score.
 */
public final class ProfileCustomers implements Ports.Customers, Ports.ConsentRecorder {
    private final ProfileStore profiles;
    private final ProfileReader reader;
    private final ZoneId defaultZone;

    /**
     * @param profiles ingestion's store, through which consent changes
     * @param reader   the write-free lookup customers and their scores are read through
     */
    public ProfileCustomers(ProfileStore profiles, ProfileReader reader, ZoneId defaultZone) {
        this.profiles = profiles;
        this.reader = reader;
        this.defaultZone = defaultZone;
    }

    /** The profile store (consent changes through it). */
    public ProfileStore profiles() {
        return profiles;
    }

    @Override
    public Optional<Customer> find(String profileId) {
        return reader.find(profileId).map(this::customer);
    }

    Customer customer(Profile profile) {
        Map<String, String> traits = new HashMap<>();
        profile.traits().forEach((name, value) -> {
            if (value.value() != null && value.value().isValueNode()) {
                traits.put(name, value.value().asText());
            }
        });
        Map<Channel, Boolean> consent = new EnumMap<>(Channel.class);
        Map<Channel, Instant> inbound = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            consent.put(channel, MessagingConsent.granted(profile, channel.wireName()));
            Profile.ChannelActivity activity = profile.channels().get(channel.wireName());
            if (activity != null && activity.lastSeen() != null) {
                inbound.put(channel, activity.lastSeen());
            }
        }
        Optional<ProfileScores> scores = reader.scores(profile.profileId());
        Map<String, Double> numbers = scores.map(
                        s -> Map.of("propensity7d", s.propensity7d(), "rfmTotal", (double) s.rfmTotal()))
                .orElse(Map.of());
        return new Customer(
                profile.profileId(),
                traits,
                consent,
                zone(traits.get("timezone")),
                inbound,
                scores.map(ProfileScores::segment),
                numbers);
    }

    private ZoneId zone(String name) {
        if (name == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return defaultZone;
        }
    }

    @Override
    public boolean record(String profileQuery, Channel channel, boolean granted, Instant at, String source) {
        return profiles.recordConsent(
                        profileQuery,
                        MessagingConsent.category(channel.wireName()),
                        MessagingConsent.stated(granted, at, source))
                .isPresent();
    }
}
