package com.quanyu.infra.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API route path such as {@code /v1/profiles/{id}/scores}, matched the way API Gateway
 * does: literal segments exactly, {@code {name}} one segment, {@code {name+}} the rest of the path.
 */
record RouteTemplate(String method, String path) {

    /** The path parameters when {@code rawPath} matches, else empty. */
    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equalsIgnoreCase(requestMethod) && !"ANY".equalsIgnoreCase(method)) {
            return Optional.empty();
        }
        String[] pattern = split(path);
        String[] actual = split(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable && segment.endsWith("+}")) {
                if (i >= actual.length) {
                    return Optional.empty();
                }
                parameters.put(
                        segment.substring(1, segment.length() - 2),
                        decode(String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length))));
                return Optional.of(parameters);
            }
            if (i >= actual.length) {
                return Optional.empty();
            }
            if (variable) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return pattern.length == actual.length ? Optional.of(parameters) : Optional.empty();
    }

    /** Literal routes win over parameterised ones, as in API Gateway. */
    int specificity() {
        int literals = 0;
        for (String segment : split(path)) {
            if (!segment.startsWith("{")) {
                literals++;
            }
        }
        return literals;
    }

    String routeKey() {
        return method + " " + path;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
