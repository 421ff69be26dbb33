package com.quanyu.shared.http;

import java.util.Locale;
import java.util.Set;

/**
 * Who may call one HttpApi route and how it authenticates: one row of
 * {@code security/routes-auth.tsv}, the table docs/security.md shows.
 *
 * @param routeKey  API Gateway's route key, e.g. {@code GET /v1/profiles/{id}}
 * @param caller    who calls it (browser/app, platform webhook, brand server, staff)
 * @param auth      how the caller authenticates
 * @param groups    for {@link Auth#STAFF_JWT}: the Cognito groups allowed (empty otherwise)
 * @param returns   what the route may return
 * @param rateLimit its rate limit, as documented
 */
public record RoutePolicy(
        String routeKey, String caller, Auth auth, Set<String> groups, String returns, String rateLimit) {

    /** How a route's caller authenticates. */
    public enum Auth {
        /** Anonymous: returns nothing personal and costs little. */
        PUBLIC,
        /** A source's publishable write key (HTTP Basic user name), checked by the function. */
        WRITE_KEY,
        /** A platform webhook signature or an HMAC by a brand's server, checked by the function. */
        SIGNATURE,
        /** SigV4 (API Gateway's IAM authoriser). */
        AWS_IAM,
        /** A staff member's Cognito JWT (API Gateway's JWT authoriser) and a group check in the function. */
        STAFF_JWT;

        /** The table's spelling: {@code staff-jwt}, {@code write-key}, ... */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Auth ofLabel(String label) {
            return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public RoutePolicy {
        groups = Set.copyOf(groups);
    }

    /** Anonymous callers are refused (401/403) unless the route is public. */
    public boolean anonymousAllowed() {
        return auth == Auth.PUBLIC;
    }
}
