package com.quanyu.shared.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authorisation table of every route ({@code security/routes-auth.tsv} on the class path):
 * the one source that functions (group checks), the local runtime and docs/security.md read.
 */
public final class RoutePolicies {
    /** Where the table lives on the class path (shared/src/main/resources). */
    public static final String RESOURCE = "/security/routes-auth.tsv";

    private static final String HEADER = "route\tcaller\tauth\tgroups\treturns\trate_limit";
    private static final RoutePolicies BUNDLED = parse(RoutePolicies.class.getResourceAsStream(RESOURCE));

    private final Map<String, RoutePolicy> byRoute;

    private RoutePolicies(Map<String, RoutePolicy> byRoute) {
        this.byRoute = byRoute;
    }

    /** The table shipped in this jar. */
    public static RoutePolicies bundled() {
        return BUNDLED;
    }

    /** Parses a table; a malformed line fails loudly (a typo must not open a route). */
    public static RoutePolicies parse(InputStream in) {
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        Map<String, RoutePolicy> rows = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = false;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + ": header must be " + HEADER.replace("\t", " | "));
                    }
                    header = true;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + number + ": 6 tab-separated cells expected, got " + cells.length);
                }
                RoutePolicy.Auth auth = RoutePolicy.Auth.ofLabel(cells[2]);
                Set<String> groups = "-".equals(cells[3].trim())
                        ? Set.of()
                        : Arrays.stream(cells[3].split(","))
                                .map(String::trim)
                                .filter(g -> !g.isEmpty())
                                .collect(Collectors.toSet());
                if ((auth == RoutePolicy.Auth.STAFF_JWT) == groups.isEmpty()) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + number + ": staff-jwt routes and only they name groups");
                }
                RoutePolicy policy = new RoutePolicy(
                        cells[0].trim(), cells[1].trim(), auth, groups, cells[4].trim(), cells[5].trim());
                if (rows.putIfAbsent(policy.routeKey(), policy) != null) {
                    throw new IllegalStateException(
                            RESOURCE + " line " + number + ": route listed twice: " + policy.routeKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RoutePolicies(Map.copyOf(rows));
    }

    public Optional<RoutePolicy> forRoute(String routeKey) {
        return Optional.ofNullable(byRoute.get(routeKey));
    }

    /** Every row, in the table's order is not kept: sorted by path then method. */
    public List<RoutePolicy> all() {
        return byRoute.values().stream()
                .sorted(java.util.Comparator.comparing((RoutePolicy p) ->
                                p.routeKey().substring(p.routeKey().indexOf(' ') + 1))
                        .thenComparing(RoutePolicy::routeKey))
                .toList();
    }
}
