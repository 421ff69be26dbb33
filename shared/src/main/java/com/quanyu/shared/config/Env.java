package com.quanyu.shared.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Immutable view of a function's configuration, read from environment variables.
 *
 * <p>Handlers take an {@code Env} in a constructor so that tests and the local runtime can pass
 * the same variables template.yaml declares without touching the process environment.
 */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment: what Lambda sets from template.yaml. */
    public static Env system() {
        return new Env(System.getenv());
    }

    /** A configuration from explicit values (tests, local runtime). */
    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    /** A copy with {@code overrides} laid over these values. */
    public Env with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new Env(merged);
    }

    /** The value of a variable that must be set. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingConfigException(name);
        }
        return value;
    }

    /** The value of a variable, or empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int intValue(String name, int fallback) {
        return optional(name).map(v -> parse(name, v, Integer::parseInt)).orElse(fallback);
    }

    public long longValue(String name, long fallback) {
        return optional(name).map(v -> parse(name, v, Long::parseLong)).orElse(fallback);
    }

    public double doubleValue(String name, double fallback) {
        return optional(name).map(v -> parse(name, v, Double::parseDouble)).orElse(fallback);
    }

    public boolean flag(String name, boolean fallback) {
        return optional(name).map(Boolean::parseBoolean).orElse(fallback);
    }

    /** All values, for passing on (never log this: it may hold secrets). */
    public Map<String, String> asMap() {
        return values;
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("configuration " + name + " is not a number: '" + value + "'", e);
        }
    }

    /** A required configuration value is missing: a deployment fault, not a caller's. */
    public static final class MissingConfigException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingConfigException(String name) {
            super("missing required configuration " + name);
        }
    }
}
