package com.quanyu.tools.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} command-line options. */
record Args(Map<String, String> values) {
    static Args parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            values.put(name, value);
        }
        return new Args(values);
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    int intValue(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    long longValue(String name, long fallback) {
        return optional(name).map(Long::parseLong).orElse(fallback);
    }

    Path path(String name, String fallback) {
        return Path.of(optional(name).orElse(fallback));
    }
}
