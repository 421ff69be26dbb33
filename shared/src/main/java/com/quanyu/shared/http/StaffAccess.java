package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The group check of staff routes. API Gateway's JWT authoriser has already verified the Cognito
 * token (signature, issuer, audience, expiry) and put its claims in
 * {@code requestContext.authorizer.jwt.claims}; this checks that {@code cognito:groups} names a
 * group the route's row in the authorisation table allows. No claims on a staff route (a template
 * that lost its authoriser) is a 401, never an open door.
 */
public final class StaffAccess {
    /** The claim Cognito puts a user's groups in. */
    public static final String GROUPS_CLAIM = "cognito:groups";

    private StaffAccess() {}

    /** Checks the request against its route's policy; routes that are not staff-only pass. */
    public static void check(RoutePolicies policies, String routeKey, APIGatewayV2HTTPEvent event) {
        Optional<RoutePolicy> policy = policies.forRoute(routeKey);
        if (policy.isEmpty() || policy.get().auth() != RoutePolicy.Auth.STAFF_JWT) {
            return;
        }
        Map<String, String> claims = claims(event);
        if (claims.isEmpty()) {
            throw ApiException.unauthorized("a staff token (Authorization: Bearer <Cognito JWT>) is required");
        }
        Set<String> groups = groups(claims.get(GROUPS_CLAIM));
        if (groups.stream().noneMatch(policy.get().groups()::contains)) {
            throw ApiException.forbidden("this route is for staff in group(s) "
                    + String.join(", ", policy.get().groups().stream().sorted().toList()));
        }
    }

    /** The verified claims API Gateway passed, or empty. */
    public static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null
                || context.getAuthorizer() == null
                || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /**
     * Groups as API Gateway renders an array claim ({@code "[marketer admin]"}); a JSON array or a
     * comma-separated list is read the same way.
     */
    static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+"))
                .map(g -> g.replace("\"", "").trim())
                .filter(g -> !g.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
