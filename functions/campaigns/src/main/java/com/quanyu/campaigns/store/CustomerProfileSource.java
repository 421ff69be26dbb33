package com.quanyu.campaigns.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.campaigns.audience.ProfileResolver;
import com.quanyu.campaigns.audience.ProfileSource;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileReader;
import com.quanyu.shared.customer.ScoredProfile;
import com.quanyu.shared.json.Json;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Campaigns' view of unified profiles, read through the customer stores' write-free
 * {@link ProfileReader} (which owns the item layout, the lookup grammar and how merges are
 * followed): each live profile as the document audience rules address ({@code traits.<name>} as
 * values, {@code scores}, {@code counters}, {@code rfm}, {@code channels}, {@code consent}).
 */
public final class CustomerProfileSource implements ProfileSource, ProfileResolver {
    private static final String[] FIELDS = {"counters", "rfm", "channels", "consent"};

    private final ProfileReader reader;

    public CustomerProfileSource(ProfileReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<ProfileView> find(String profileId) {
        return reader.findScored(profileId).map(CustomerProfileSource::view);
    }

    @Override
    public void forEach(Consumer<ProfileView> consumer) {
        reader.forEachLive(p -> consumer.accept(view(p)));
    }

    /** Any identifier a channel has (profile id, {@code email:...}, a bare user id, ...) to the live profile id. */
    @Override
    public Optional<String> resolve(String query) {
        return reader.find(query).map(Profile::profileId);
    }

    static ProfileView view(ScoredProfile scored) {
        ObjectNode stored = Json.mapper().valueToTree(scored.profile());
        ObjectNode document = Json.object();
        ObjectNode traits = document.putObject("traits");
        stored.path("traits").properties().forEach(e -> {
            JsonNode value = e.getValue();
            // Traits are stored with the time they were set; rules address the value.
            traits.set(e.getKey(), value.isObject() && value.has("value") ? value.get("value") : value);
        });
        scored.storedScores().ifPresent(s -> {
            ObjectNode scores = Json.mapper().valueToTree(s);
            if (Double.isNaN(s.propensity7d())) {
                scores.remove("propensity7d"); // no live model when it was scored: not a number to compare
            }
            document.set("scores", scores);
        });
        for (String field : FIELDS) {
            if (stored.has(field)) {
                document.set(field, stored.get(field));
            }
        }
        return new ProfileView(scored.profile().profileId(), document);
    }
}
