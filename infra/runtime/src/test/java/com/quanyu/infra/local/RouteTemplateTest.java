package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {
    @Test
    void matchesLiteralAndParameterSegmentsLikeApiGateway() {
        RouteTemplate route = new RouteTemplate("GET", "/v1/profiles/{id}/scores");
        assertEquals(
                Map.of("id", "p 1"),
                route.match("GET", "/v1/profiles/p%201/scores").orElseThrow());
        assertTrue(route.match("POST", "/v1/profiles/p1/scores").isEmpty());
        assertTrue(route.match("GET", "/v1/profiles//scores").isEmpty());
        assertTrue(route.match("GET", "/v1/profiles/p1").isEmpty());
        assertTrue(route.match("GET", "/v1/profiles/p1/scores/x").isEmpty());
    }

    @Test
    void greedyParameterTakesTheRestAndLiteralsAreMoreSpecific() {
        RouteTemplate greedy = new RouteTemplate("ANY", "/v1/files/{path+}");
        assertEquals(
                Map.of("path", "a/b/c.txt"),
                greedy.match("PUT", "/v1/files/a/b/c.txt").orElseThrow());
        assertTrue(new RouteTemplate("GET", "/v1/routes/jobs").specificity()
                > new RouteTemplate("GET", "/v1/routes/{id}").specificity());
    }

    @Test
    void repeatedQueryParametersAreCommaJoined() {
        assertEquals(Map.of("a", "1,2", "b", "x y", "c", ""), HttpGateway.parseQuery("a=1&a=2&b=x+y&c"));
    }
}
