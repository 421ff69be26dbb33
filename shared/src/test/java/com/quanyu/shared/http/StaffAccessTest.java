package com.quanyu.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.shared.testing.StaffClaims;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Staff routes need verified claims naming an allowed group; the table itself refuses typos. */
class StaffAccessTest {
    private static final String TABLE = """
            # comment
            route\tcaller\tauth\tgroups\treturns\trate_limit
            GET /v1/things/{id}\tstaff\tstaff-jwt\tanalyst, admin\ta thing\tstage default
            POST /v1/track\tbrowser\twrite-key\t-\tnothing\tper key
            """;
    private final RoutePolicies table = parse(TABLE);

    @Test
    void staffRoutesNeedClaimsWithAnAllowedGroup() {
        ApiException none = assertThrows(
                ApiException.class,
                () -> StaffAccess.check(table, "GET /v1/things/{id}", event("GET /v1/things/{id}")));
        assertEquals(401, none.status());
        ApiException agent = assertThrows(
                ApiException.class,
                () -> StaffAccess.check(
                        table,
                        "GET /v1/things/{id}",
                        StaffClaims.as(event("GET /v1/things/{id}"), "agent", "marketer")));
        assertEquals(403, agent.status());
        StaffAccess.check(
                table, "GET /v1/things/{id}", StaffClaims.as(event("GET /v1/things/{id}"), "marketer", "analyst"));
        StaffAccess.check(table, "POST /v1/track", event("POST /v1/track"));
        StaffAccess.check(table, "GET /v1/unlisted", event("GET /v1/unlisted"));
    }

    @Test
    void groupsAreReadAsApiGatewayRendersThem() {
        assertEquals(Set.of("a", "b"), StaffAccess.groups("[a b]"));
        assertEquals(Set.of("a", "b"), StaffAccess.groups("[\"a\",\"b\"]"));
        assertEquals(Set.of("a"), StaffAccess.groups("a"));
        assertTrue(StaffAccess.groups(null).isEmpty());
    }

    @Test
    void malformedTablesFailLoudly() {
        assertThrows(
                IllegalStateException.class,
                () -> parse("route\tcaller\tauth\tgroups\treturns\trate_limit\nGET /x\tstaff\tstaff-jwt\t-\tx\ty\n"),
                "a staff route without groups would be open to every staff member");
        assertThrows(
                IllegalStateException.class,
                () -> parse("route\tcaller\tauth\tgroups\treturns\trate_limit\nGET /x\ta\tpublic\t-\tx\n"));
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("route\tcaller\tauth\tgroups\treturns\trate_limit\nGET /x\ta\topen\t-\tx\ty\n"));
        assertTrue(RoutePolicies.bundled().all().size() > 40, "the shipped table covers the API");
    }

    private static RoutePolicies parse(String text) {
        return RoutePolicies.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayV2HTTPEvent event(String routeKey) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).build();
    }
}
