package com.quanyu.campaigns.store;

import com.quanyu.campaigns.audience.ProfileResolver;
import com.quanyu.campaigns.audience.ProfileSource;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.customer.Identifier;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.Identifiers;
import com.quanyu.shared.customer.IdentityLink;
import com.quanyu.shared.customer.ProfileRepository;
import java.util.List;
import java.util.Optional;

/**
 * Resolves with ingestion's normalisation ({@link Identifiers}) and identity links
 * ({@link ProfileRepository#link}), read-only: a profile id is looked up directly, {@code type:value}
 * through that type's link, a bare value through the likely types (email when it has an {@code @},
 * else user id, phone, anonymous id). Merges are followed by {@link ProfileSource#find}. Campaigns
 * only read profiles; finishing a merge a crashed ingest writer left is ingestion's job, so this
 * does not use {@code ProfileStore.resolve}, which may write.
 */
public final class IngestProfileResolver implements ProfileResolver {
    private final ProfileRepository links;
    private final Identifiers identifiers;
    private final ProfileSource profiles;

    /** @param identifiers ingestion's normalisation with its rules (e.g. the default phone country code) */
    public IngestProfileResolver(ProfileRepository links, Identifiers identifiers, ProfileSource profiles) {
        this.links = links;
        this.identifiers = identifiers;
        this.profiles = profiles;
    }

    @Override
    public Optional<String> resolve(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.strip();
        Optional<ProfileView> direct = profiles.find(q);
        if (direct.isPresent()) {
            return direct.map(ProfileView::profileId);
        }
        int colon = q.indexOf(':');
        if (colon > 0) {
            Optional<IdentifierType> type = IdentifierType.fromWire(q.substring(0, colon));
            if (type.isPresent()) {
                return viaLink(type.get(), q.substring(colon + 1));
            }
        }
        List<IdentifierType> guesses = q.contains("@")
                ? List.of(IdentifierType.EMAIL)
                : List.of(IdentifierType.USER_ID, IdentifierType.PHONE, IdentifierType.ANONYMOUS_ID);
        for (IdentifierType type : guesses) {
            Optional<String> found = viaLink(type, q);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<String> viaLink(IdentifierType type, String raw) {
        Optional<Identifier> identifier = identifiers.identifier(type, raw);
        return identifier
                .flatMap(links::link)
                .filter(link -> !link.forgotten())
                .map(IdentityLink::profileId)
                .flatMap(profiles::find)
                .map(ProfileView::profileId);
    }
}
