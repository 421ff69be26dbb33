package com.quanyu.shared.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.shared.http.RoutePolicies;
import com.quanyu.shared.http.RoutePolicy;
import java.util.List;
import java.util.Map;

/**
 * What API Gateway's JWT authoriser adds to a staff request, for handler tests that call staff
 * routes directly: verified claims with {@code cognito:groups} rendered as API Gateway renders
 * arrays ({@code "[analyst admin]"}).
 */
public final class StaffClaims {
    private StaffClaims() {}

    /**
     * The event as API Gateway delivers it to the function after a staff member (group admin)
     * passed the JWT authoriser, when the authorisation table makes its route staff-only; other
     * routes are returned unchanged.
     */
    public static APIGatewayV2HTTPEvent authorised(APIGatewayV2HTTPEvent event) {
        boolean staff = RoutePolicies.bundled()
                .forRoute(event.getRouteKey())
                .map(p -> p.auth() == RoutePolicy.Auth.STAFF_JWT)
                .orElse(false);
        return staff ? as(event, "admin") : event;
    }

    /** The event with a verified staff identity in the given groups (default: admin). */
    public static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, String... groups) {
        List<String> names = groups.length == 0 ? List.of("admin") : List.of(groups);
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                .builder()
                .withClaims(Map.of(
                        "sub",
                        "test-" + String.join("-", names),
                        "username",
                        "test-" + names.get(0),
                        "cognito:groups",
                        "[" + String.join(" ", names) + "]"))
                .withScopes(List.of())
                .build();
        var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(jwt)
                .build();
        if (event.getRequestContext() == null) {
            event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withAuthorizer(authorizer)
                    .build());
        } else {
            event.getRequestContext().setAuthorizer(authorizer);
        }
        return event;
    }
}
