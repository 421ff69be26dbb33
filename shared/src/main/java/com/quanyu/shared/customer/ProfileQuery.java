package com.quanyu.shared.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one grammar by which people are looked up everywhere (admin routes, scoring, campaigns,
 * the console): a profile id ({@code p0193...}), {@code <type>:<raw value>} with a type of
 * {@link IdentifierType} ({@code email:alice@example.com}, {@code phone:13800138000}), or a bare
 * value: an e-mail address if it has an {@code @}, else a userId, a phone number or an
 * anonymousId, tried in that order.
 *
 * @param profileId  the profile id the query names, or null when it names identifiers
 * @param candidates normalised identifiers to try in order (empty for a profile id)
 * @param bareValue  the query when it is a bare value that is not an e-mail address, so it may
 *                   also be a profile id minted by another system (an import, a fixture); null
 *                   when the query is typed ({@code type:value}), an e-mail address or a profile id
 */
public record ProfileQuery(String profileId, List<Identifier> candidates, String bareValue) {
    public ProfileQuery {
        candidates = List.copyOf(candidates);
    }

    /** The query's meaning, or empty when it is blank or no identifier of it normalises. */
    public static Optional<ProfileQuery> parse(String query, Identifiers identifiers) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.strip();
        if (ProfileIds.looksLikeProfileId(q)) {
            return Optional.of(new ProfileQuery(q, List.of(), null));
        }
        int colon = q.indexOf(':');
        if (colon > 0) {
            Optional<IdentifierType> type = IdentifierType.fromWire(q.substring(0, colon));
            if (type.isPresent()) {
                return identifiers
                        .identifier(type.get(), q.substring(colon + 1))
                        .map(id -> new ProfileQuery(null, List.of(id), null));
            }
        }
        boolean email = q.contains("@");
        List<IdentifierType> guesses = email
                ? List.of(IdentifierType.EMAIL)
                : List.of(IdentifierType.USER_ID, IdentifierType.PHONE, IdentifierType.ANONYMOUS_ID);
        List<Identifier> candidates = new ArrayList<>();
        for (IdentifierType type : guesses) {
            identifiers.identifier(type, q).ifPresent(candidates::add);
        }
        return candidates.isEmpty()
                ? Optional.empty()
                : Optional.of(new ProfileQuery(null, candidates, email || colon >= 0 ? null : q));
    }
}
